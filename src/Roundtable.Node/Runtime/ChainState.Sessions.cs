using Roundtable.Application.Sessions;
using Roundtable.Application.Sessions.Results;
using Roundtable.Application.WorkingGroups;
using Roundtable.Core.Hashing;

namespace Roundtable.Node.Runtime;

/// <summary>Session and working-group queries against the committed state.</summary>
public sealed partial class ChainState
{
    /// <summary>Sessions, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<SessionRecord> ListSessions(int limit)
    {
        lock (_gate)
        {
            return _app.ListSessions(limit);
        }
    }

    /// <summary>A session with participants, polls and dissents, or null.</summary>
    public SessionSnapshot? GetSession(Hash256 id)
    {
        lock (_gate)
        {
            return _app.GetSession(id);
        }
    }

    /// <summary>A session's Markdown report, counting the declared genders this node holds, or null.</summary>
    public string? GetSessionReport(Hash256 id)
    {
        lock (_gate)
        {
            return _app.GetSessionReport(id, Disclosed);
        }
    }

    /// <summary>Working groups, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<WorkingGroupRecord> ListWorkingGroups(int limit)
    {
        lock (_gate)
        {
            return _app.ListWorkingGroups(limit);
        }
    }

    /// <summary>A working group, or null.</summary>
    public WorkingGroupRecord? GetWorkingGroup(Hash256 id)
    {
        lock (_gate)
        {
            return _app.GetWorkingGroup(id);
        }
    }
}
