using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Sessions;

namespace Roundtable.Application.Sessions.Building;

/// <summary>
/// Builds a <see cref="CreateSession"/> step by step, for scripts, demos and tests:
/// <code>
/// var create = new SessionBuilder("How blockchain works in Internet governance innovation")
///     .Scheduled(start, end).AllowOnline()
///     .Speaker("Amina", "civil-society", "africa")
///     .Agenda("Welcome", "Ledgers 101").PolicyQuestion("Which practice should we recommend?")
///     .Build();
/// </code>
/// </summary>
public sealed class SessionBuilder
{
    private readonly string _title;
    private readonly List<Hash256> _coOrganisers = [];
    private readonly List<Speaker> _speakers = [];
    private readonly List<string> _agenda = [];
    private readonly List<string> _questions = [];
    private string _format = "workshop";
    private ulong _startMs;
    private ulong _endMs;
    private bool _online;

    /// <summary>Starts a session called <paramref name="title"/> (format "workshop" unless changed).</summary>
    public SessionBuilder(string title) => _title = title;

    /// <summary>The format identifier (workshop, round-table, open-forum, …).</summary>
    public SessionBuilder Format(string format)
    {
        _format = format;
        return this;
    }

    /// <summary>Scheduled start and end, block time in milliseconds.</summary>
    public SessionBuilder Scheduled(ulong startMs, ulong endMs)
    {
        _startMs = startMs;
        _endMs = endMs;
        return this;
    }

    /// <summary>Lets participants check in online.</summary>
    public SessionBuilder AllowOnline(bool allow = true)
    {
        _online = allow;
        return this;
    }

    /// <summary>Adds a co-organiser (a member id).</summary>
    public SessionBuilder CoOrganiser(Hash256 member)
    {
        _coOrganisers.Add(member);
        return this;
    }

    /// <summary>Adds a speaker; <paramref name="member"/> links a speaker who is a member.</summary>
    public SessionBuilder Speaker(string name, string stakeholderGroup, string region, Hash256? member = null)
    {
        _speakers.Add(new Speaker(name, stakeholderGroup, region, member));
        return this;
    }

    /// <summary>Adds agenda items.</summary>
    public SessionBuilder Agenda(params string[] items)
    {
        _agenda.AddRange(items);
        return this;
    }

    /// <summary>Adds policy questions.</summary>
    public SessionBuilder PolicyQuestion(params string[] questions)
    {
        _questions.AddRange(questions);
        return this;
    }

    /// <summary>The message (co-organisers sorted, as the encoding requires).</summary>
    public CreateSession Build() =>
        new(_title, _format, [.. _coOrganisers.Distinct().Order()], [.. _speakers], [.. _agenda], [.. _questions], _startMs, _endMs, _online);
}
