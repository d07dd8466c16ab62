using Roundtable.Core.Hashing;

namespace Roundtable.Application.PersonalData;

/// <summary>
/// The personal values a node holds beside the chain, by commitment (its erasable store,
/// docs/personal-data.md). Only views read it; execution never does, so state roots do not
/// depend on which values a node received.
/// </summary>
public interface IDisclosedValues
{
    /// <summary>The value that opens <paramref name="commitment"/>, or null when this node does not hold it.</summary>
    string? Find(Hash256 commitment);
}
