using Roundtable.Application.State;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.WorkingGroups;

/// <summary>State keys of the working-groups module.</summary>
public static class WorkingGroupKeys
{
    /// <summary>Prefix of every working-group record.</summary>
    public const string GroupPrefix = "working-group/";

    /// <summary>Active groups by sunset date.</summary>
    public static readonly byte[] SunsetQueue = "working-group-sunsets"u8.ToArray();

    /// <summary>A working group.</summary>
    public static byte[] Group(Hash256 id) => StateKeys.Path(GroupPrefix, id);
}
