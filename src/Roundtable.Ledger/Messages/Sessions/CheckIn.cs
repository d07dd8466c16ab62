using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Sessions;

/// <summary>How a participant attends.</summary>
public enum AttendanceMode : byte
{
    /// <summary>In the room, proven by the code shown there.</summary>
    OnSite = 1,

    /// <summary>Remotely, when the session allows it; no code.</summary>
    Online = 2,
}

/// <summary>
/// The sender checks in to a session. On site the message carries the room's code, checked against
/// the organiser's commitment; online it carries none. A participant may declare a gender, only if
/// they choose to: it is never required and never inferred. The message carries only the salted
/// commitment to the gender (field <see cref="GenderField"/>, docs/personal-data.md); the value
/// travels beside it to the nodes.
/// </summary>
/// <param name="Session">The session.</param>
/// <param name="Mode">On site or online.</param>
/// <param name="Code">The room's code on site (1–32 bytes); empty online.</param>
/// <param name="DeclaredGender">The commitment to a self-described gender (1–32 bytes), or null when not declared.</param>
public sealed record CheckIn(Hash256 Session, AttendanceMode Mode, string Code, Hash256? DeclaredGender = null) : TxMessage
{
    /// <summary>The field name a declared gender is committed under.</summary>
    public const string GenderField = "gender";

    /// <summary>Maximum UTF-8 length of a declared gender's value.</summary>
    public const int MaxGenderBytes = 32;

    /// <inheritdoc />
    public override MessageType Type => MessageType.CheckIn;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Session);
        writer.WriteByte((byte)Mode);
        writer.WriteString(Code);
        writer.WriteBool(DeclaredGender is not null);
        if (DeclaredGender is { } gender)
        {
            writer.WriteHash(gender);
        }
    }

    /// <summary>Reads the body; an on-site check-in needs a code and an online one has none.</summary>
    public static CheckIn DecodeBody(ref CanonicalReader reader)
    {
        var session = reader.ReadHash();
        var mode = reader.ReadByte() switch
        {
            1 => AttendanceMode.OnSite,
            2 => AttendanceMode.Online,
            var b => throw new DecodeException(DecodeError.InvalidValue, $"Attendance mode {b} is not on-site (1) or online (2)."),
        };
        var code = reader.ReadString(SetCheckInCode.MaxCodeBytes, "check-in code");
        if ((mode == AttendanceMode.OnSite) == (code.Length == 0))
        {
            throw new DecodeException(DecodeError.InvalidValue, "An on-site check-in carries the room's code; an online one carries none.");
        }

        Hash256? gender = reader.ReadOptionalMarker() ? reader.ReadHash() : null;
        return new CheckIn(session, mode, code, gender);
    }
}
