using System.Text;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.PersonalData;

/// <summary>State keys of personal fields (readable ASCII paths, like <see cref="State.StateKeys"/>).</summary>
public static class PersonalDataKeys
{
    /// <summary>The prefix of every personal field record.</summary>
    public const string FieldPrefix = "personal-field/";

    /// <summary>A personal field by its commitment.</summary>
    public static byte[] Field(Hash256 commitment) => Encoding.ASCII.GetBytes(FieldPrefix + commitment);
}
