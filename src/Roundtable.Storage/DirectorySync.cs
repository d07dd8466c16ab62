using System.Runtime.InteropServices;

namespace Roundtable.Storage;

/// <summary>
/// Makes a directory's entries (a created, renamed or deleted file) durable. .NET cannot open a
/// directory as a file, so on Unix this calls libc <c>open(dir, O_RDONLY)</c> + <c>fsync</c>.
/// On Windows it does nothing: NTFS journals metadata and a directory cannot be flushed there.
/// </summary>
public static partial class DirectorySync
{
    private const int ORdOnly = 0;
    private const int EIntr = 4;
    private const int EInval = 22;

    /// <summary>Fsyncs <paramref name="directory"/>; throws <see cref="IOException"/> if the kernel reports a failure.</summary>
    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        int fd;
        do
        {
            fd = NativeMethods.Open(directory, ORdOnly);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == EIntr);

        if (fd < 0)
        {
            throw new IOException($"Cannot open directory '{directory}' to fsync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (NativeMethods.Fsync(fd) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();

                // Some file systems do not support fsync on a directory; nothing more can be done there.
                if (errno != EInval)
                {
                    throw new IOException($"fsync of directory '{directory}' failed (errno {errno}).");
                }
            }
        }
        finally
        {
            _ = NativeMethods.Close(fd);
        }
    }

    private static partial class NativeMethods
    {
        [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        internal static partial int Open(string path, int flags);

        [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
        internal static partial int Fsync(int fd);

        [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
        internal static partial int Close(int fd);
    }
}
