using Roundtable.Application.PersonalData;
using Roundtable.Application.Sessions;
using Roundtable.Application.Sessions.Report;
using Roundtable.Application.Sessions.Results;
using Roundtable.Application.WorkingGroups;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Application;

/// <summary>Read-only queries of sessions and working groups.</summary>
public sealed partial class LedgerApplication
{
    /// <summary>Sessions in state-key order (by id), at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<SessionRecord> ListSessions(int limit) =>
        [.. _map.EnumeratePrefix(System.Text.Encoding.ASCII.GetBytes(SessionKeys.SessionPrefix)).Take(limit).Select(e => Canonical.FromBytes<SessionRecord>(e.Value))];

    /// <summary>A session with its participants, polls (closed ones counted) and dissents, or null.</summary>
    public SessionSnapshot? GetSession(Hash256 id) => SessionSnapshot.Load(_map, id, Height);

    /// <summary>
    /// The session report in Markdown, generated from the record and the declared genders this
    /// node holds (<paramref name="values"/>); null when there is no such session.
    /// </summary>
    public string? GetSessionReport(Hash256 id, IDisclosedValues values) =>
        GetSession(id) is { } snapshot ? SessionReport.Render(snapshot, Parameters, c => ViewPersonalField(c, values)) : null;

    /// <summary>Working groups in state-key order (by id), at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<WorkingGroupRecord> ListWorkingGroups(int limit) =>
        [.. _map.EnumeratePrefix(System.Text.Encoding.ASCII.GetBytes(WorkingGroupKeys.GroupPrefix)).Take(limit).Select(e => Canonical.FromBytes<WorkingGroupRecord>(e.Value))];

    /// <summary>A working group, or null.</summary>
    public WorkingGroupRecord? GetWorkingGroup(Hash256 id) => WorkingGroupsModule.GetGroup(Committed, id);
}
