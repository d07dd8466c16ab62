using System.Text.Json.Nodes;

namespace Roundtable.Node.Events;

/// <summary>
/// One Server-Sent Event: its type (<c>block</c>, <c>transaction</c>, <c>tally</c>, <c>poll</c>),
/// the height of the block that caused it (the SSE id, so a client that reconnects with
/// <c>Last-Event-ID</c> resumes after that block) and its JSON data.
/// </summary>
/// <param name="Type">The event type.</param>
/// <param name="Height">The committed block it comes from.</param>
/// <param name="Data">The JSON payload.</param>
public sealed record ChainEvent(string Type, ulong Height, JsonObject Data);
