using System.Text;
using Roundtable.Application.State;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.PersonalData;

/// <summary>State keys of personal fields (readable ASCII paths, like <see cref="State.StateKeys"/>).</summary>
public static class PersonalDataKeys
{
    /// <summary>The prefix of every personal field record.</summary>
    public const string FieldPrefix = "personal-field/";

    /// <summary>The prefix of every personal field record, as key bytes; a field's key ends in its commitment's lowercase hex, so key order is commitment order.</summary>
    public static byte[] FieldPrefixBytes => Encoding.ASCII.GetBytes(FieldPrefix);

    /// <summary>A personal field by its commitment.</summary>
    public static byte[] Field(Hash256 commitment) => StateKeys.Path(FieldPrefix, commitment);
}
