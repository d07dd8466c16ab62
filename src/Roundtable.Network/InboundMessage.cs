using Roundtable.Core.Hashing;

namespace Roundtable.Network;

/// <summary>One frame received from a connected peer.</summary>
/// <param name="From">The authenticated node id of the sender.</param>
/// <param name="Type">The application's message type (1–255; 0 is the transport's own).</param>
/// <param name="Payload">The payload; owned by the receiver, never reused by the transport.</param>
public readonly record struct InboundMessage(Hash256 From, byte Type, ReadOnlyMemory<byte> Payload);
