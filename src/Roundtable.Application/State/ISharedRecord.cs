namespace Roundtable.Application.State;

/// <summary>
/// A record type that is immutable all the way down (no arrays or collections anyone changes after
/// decoding): one decoded instance may be handed to every reader of the same stored bytes
/// (<see cref="DecodedValues"/>). Only types read on every transaction's path carry it.
/// </summary>
internal interface ISharedRecord
{
}
