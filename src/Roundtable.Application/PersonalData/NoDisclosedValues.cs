using Roundtable.Core.Hashing;

namespace Roundtable.Application.PersonalData;

/// <summary>A node that holds no personal value: every standing field reads "not available".</summary>
public sealed class NoDisclosedValues : IDisclosedValues
{
    /// <summary>The one instance.</summary>
    public static NoDisclosedValues Instance { get; } = new();

    private NoDisclosedValues()
    {
    }

    /// <inheritdoc />
    public string? Find(Hash256 commitment) => null;
}
