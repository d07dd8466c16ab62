namespace Roundtable.Ledger.Names;

/// <summary>
/// The names the chain accepts, in one canonical spelling so that two nodes never disagree about
/// whether two names are the same: lower-case ASCII letters, digits and hyphens (LDH), a hyphen
/// never first or last, labels of 1–63 bytes, whole names of at most 253 characters. Zone origins
/// end with a dot (<c>forum.internal.</c>); registered labels and record owners are relative.
/// Owners may start with underscore labels (<c>_443._tcp</c>), as SRV and TLSA need.
/// </summary>
public static class DomainNames
{
    /// <summary>The longest label (RFC 1035).</summary>
    public const int MaxLabelLength = 63;

    /// <summary>The longest name in presentation form without the final dot.</summary>
    public const int MaxNameLength = 253;

    /// <summary>Null when <paramref name="label"/> is one canonical LDH label; otherwise why not.</summary>
    public static string? LabelProblem(string label, bool allowUnderscore = false)
    {
        if (label.Length is 0 or > MaxLabelLength)
        {
            return $"a label has 1 to {MaxLabelLength} characters ('{Shown(label)}' has {label.Length})";
        }

        var start = allowUnderscore && label[0] == '_' ? 1 : 0;
        if (start == label.Length)
        {
            return "an underscore label needs characters after the underscore";
        }

        for (var i = start; i < label.Length; i++)
        {
            var c = label[i];
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (c == '-' && i != start && i != label.Length - 1);
            if (!ok)
            {
                return $"'{Shown(label)}' is not a lower-case name label (letters a-z, digits, inner hyphens)";
            }
        }

        return null;
    }

    /// <summary>Null when <paramref name="origin"/> is an absolute canonical name (labels, then a final dot); otherwise why not.</summary>
    public static string? OriginProblem(string origin)
    {
        if (origin.Length < 2 || origin[^1] != '.' || origin.Length - 1 > MaxNameLength)
        {
            return $"a zone is an absolute name ending with a dot, at most {MaxNameLength} characters";
        }

        return RelativeProblem(origin[..^1], allowUnderscore: false);
    }

    /// <summary>Null when <paramref name="name"/> is one or more canonical labels separated by dots (no final dot).</summary>
    public static string? RelativeProblem(string name, bool allowUnderscore)
    {
        if (name.Length > MaxNameLength)
        {
            return $"a name has at most {MaxNameLength} characters";
        }

        foreach (var label in name.Split('.'))
        {
            if (LabelProblem(label, allowUnderscore) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string Shown(string text) => text.Length > 70 ? text[..70] + "…" : text;
}
