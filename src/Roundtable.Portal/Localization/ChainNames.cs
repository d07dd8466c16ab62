using Roundtable.Application.Parameters;

namespace Roundtable.Portal.Localization;

/// <summary>
/// Stakeholder groups and regions in the reader's language. The chain names them (in its
/// parameters); the language file may translate a known id; an id neither knows is shown as is.
/// </summary>
public sealed class ChainNames(Language language, ChainParameters parameters)
{
    /// <summary>A stakeholder group's name.</summary>
    public string Group(string id) => Name("group." + id, parameters.StakeholderGroups, id);

    /// <summary>A region's name.</summary>
    public string Region(string id) => Name("region." + id, parameters.Regions, id);

    /// <summary>"Alice (Civil society, Africa)".</summary>
    public string Person(string name, string group, string region) =>
        language.Fill("person", ("name", name), ("group", Group(group)), ("region", Region(region)));

    private string Name(string key, IReadOnlyList<NamedEntry> entries, string id) =>
        language.Find(key) ?? entries.FirstOrDefault(e => e.Id == id)?.Name ?? id;
}
