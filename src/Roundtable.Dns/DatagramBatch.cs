using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Roundtable.Dns;

/// <summary>
/// One UDP worker's batch for Linux <c>recvmmsg</c>/<c>sendmmsg</c>: up to <see cref="Capacity"/>
/// queries received with one system call, their responses sent with one more. The library allows
/// no unsafe code, so the kernel's structures are bytes in arrays on the pinned object heap (they
/// never move), written with <see cref="BinaryPrimitives"/> at the LP64 offsets and handed over as
/// addresses; the calls are plain blittable P/Invokes. The headers are filled once; a batch only
/// resets the address lengths the kernel overwrote and points each response at its client.
/// </summary>
internal sealed class DatagramBatch
{
    private const int BadDescriptor = 9; // EBADF
    private const int Interrupted = 4; // EINTR
    private const int WaitForOne = 0x10000; // MSG_WAITFORONE: block for the first datagram only

    // Linux LP64 (x86-64, arm64), little-endian. musl declares msg_iovlen and msg_controllen as
    // 32-bit fields followed by padding, which is the same bytes as glibc's size_t for the values
    // written here.
    //   struct iovec   { void *iov_base; size_t iov_len; }                                 16 bytes
    //   struct msghdr  { void *msg_name; socklen_t msg_namelen; struct iovec *msg_iov;
    //                    size_t msg_iovlen; void *msg_control; size_t msg_controllen;
    //                    int msg_flags; }                                                  56 bytes
    //   struct mmsghdr { struct msghdr msg_hdr; unsigned int msg_len; }                    64 bytes
    private const int HeaderBytes = 64;
    private const int NameField = 0;
    private const int NameLengthField = 8;
    private const int IovField = 16;
    private const int IovLengthField = 24;
    private const int MessageLengthField = 56;
    private const int IovecBytes = 16;

    // sizeof(struct sockaddr_storage): room for any family's address.
    private const int AddressBytes = 128;

    private readonly int queryBytes;
    private readonly byte[] receiveHeaders;
    private readonly byte[] receiveIovecs;
    private readonly byte[] addresses;
    private readonly byte[] queries;
    private readonly byte[] sendHeaders;
    private readonly byte[] sendIovecs;
    private readonly byte[] responses;
    private readonly nint receiveHeadersAt;
    private readonly nint addressesAt;
    private readonly nint sendHeadersAt;
    private readonly nint responsesAt;
    private int received;
    private int pending;
    private int used;

    /// <param name="capacity">Datagrams per receive call (at most 1024, the kernel's UIO_MAXIOV).</param>
    /// <param name="queryBytes">Room for each query; longer datagrams are cut, as recvfrom cuts them.</param>
    /// <param name="responseSlotBytes">Expected largest response (the engine's UDP payload size): with
    /// <paramref name="capacity"/> of them and one whole engine buffer, a batch needs no early send.</param>
    public DatagramBatch(int capacity, int queryBytes, int responseSlotBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 1024);
        Capacity = capacity;
        this.queryBytes = queryBytes;
        receiveHeaders = Pinned(capacity * HeaderBytes, out receiveHeadersAt);
        receiveIovecs = Pinned(capacity * IovecBytes, out var receiveIovecsAt);
        addresses = Pinned(capacity * AddressBytes, out addressesAt);
        queries = Pinned(capacity * queryBytes, out var queriesAt);
        sendHeaders = Pinned(capacity * HeaderBytes, out sendHeadersAt);
        sendIovecs = Pinned(capacity * IovecBytes, out var sendIovecsAt);
        responses = Pinned((capacity * responseSlotBytes) + AnswerEngine.ResponseBufferSize, out responsesAt);
        for (var i = 0; i < capacity; i++)
        {
            var iovec = receiveIovecs.AsSpan(i * IovecBytes, IovecBytes);
            WritePointer(iovec, queriesAt + (i * queryBytes));
            WritePointer(iovec[8..], queryBytes);
            var header = receiveHeaders.AsSpan(i * HeaderBytes, HeaderBytes);
            WritePointer(header[NameField..], addressesAt + (i * AddressBytes));
            BinaryPrimitives.WriteUInt32LittleEndian(header[NameLengthField..], AddressBytes);
            WritePointer(header[IovField..], receiveIovecsAt + (i * IovecBytes));
            WritePointer(header[IovLengthField..], 1);

            // A response header's address and buffer change per batch (Add); its one iovec does not.
            WritePointer(sendHeaders.AsSpan((i * HeaderBytes) + IovField), sendIovecsAt + (i * IovecBytes));
            WritePointer(sendHeaders.AsSpan((i * HeaderBytes) + IovLengthField), 1);
        }
    }

    /// <summary>Datagrams one receive call takes at most.</summary>
    public int Capacity { get; }

    /// <summary>Datagrams the last <see cref="Receive"/> took.</summary>
    public int Count => received;

    /// <summary>
    /// True when the calls can be used: 64-bit little-endian Linux (the layouts above) whose libc
    /// has them and whose kernel implements them. Else the server answers one datagram per call.
    /// </summary>
    public static bool IsSupported { get; } = Probe();

    /// <summary>
    /// Waits for at least one datagram on <paramref name="fd"/> (a blocking socket) and takes up to
    /// <see cref="Capacity"/>, without waiting for more. Returns the count, or -1 on an error.
    /// Responses not yet sent are forgotten.
    /// </summary>
    public int Receive(int fd)
    {
        // The kernel overwrote the address lengths of the datagrams it filled last time.
        for (var i = 0; i < received; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(receiveHeaders.AsSpan((i * HeaderBytes) + NameLengthField), AddressBytes);
        }

        pending = 0;
        used = 0;
        received = 0;
        var count = Linux.ReceiveMessages(fd, receiveHeadersAt, (uint)Capacity, WaitForOne, 0);
        received = Math.Max(count, 0);
        return count;
    }

    /// <summary>Datagram <paramref name="index"/> of the last receive (cut to the query buffer).</summary>
    public Memory<byte> Query(int index) =>
        queries.AsMemory(index * queryBytes, (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(receiveHeaders.AsSpan((index * HeaderBytes) + MessageLengthField)), (uint)queryBytes));

    /// <summary>The sender of datagram <paramref name="index"/>: a <c>sockaddr</c> in the kernel's layout.</summary>
    public ReadOnlySpan<byte> Address(int index) =>
        addresses.AsSpan(index * AddressBytes, (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(receiveHeaders.AsSpan((index * HeaderBytes) + NameLengthField)), AddressBytes));

    /// <summary>
    /// Where the next response is written: at least <see cref="AnswerEngine.ResponseBufferSize"/>
    /// bytes. When the responses held so far leave less room than that, <see cref="Send"/> first.
    /// </summary>
    public Span<byte> NextResponse => responses.AsSpan(used);

    /// <summary>False when the responses held so far must be sent before the next is written.</summary>
    public bool HasRoom => responses.Length - used >= AnswerEngine.ResponseBufferSize && pending < Capacity;

    /// <summary>
    /// Queues the <paramref name="length"/> bytes at <see cref="NextResponse"/> as the response to
    /// datagram <paramref name="index"/>: it goes to that datagram's sender (the send header points
    /// at the address the receive filled in).
    /// </summary>
    public void Add(int index, int length)
    {
        var header = sendHeaders.AsSpan(pending * HeaderBytes, HeaderBytes);
        WritePointer(header[NameField..], addressesAt + (index * AddressBytes));
        BinaryPrimitives.WriteUInt32LittleEndian(header[NameLengthField..], BinaryPrimitives.ReadUInt32LittleEndian(receiveHeaders.AsSpan((index * HeaderBytes) + NameLengthField)));
        var iovec = sendIovecs.AsSpan(pending * IovecBytes, IovecBytes);
        WritePointer(iovec, responsesAt + used);
        WritePointer(iovec[8..], length);
        used += length;
        pending++;
    }

    /// <summary>
    /// Sends every queued response on <paramref name="fd"/>, calling again while the kernel takes
    /// fewer than all. A response the kernel refuses (its error comes back when it is first in the
    /// call) is dropped alone, as a failed sendto drops one response. Returns the count sent.
    /// </summary>
    public int Send(int fd)
    {
        var sent = 0;
        var next = 0;
        while (next < pending)
        {
            var count = Linux.SendMessages(fd, sendHeadersAt + (next * HeaderBytes), (uint)(pending - next), 0);
            if (count > 0)
            {
                sent += count;
                next += count;
            }
            else if (count == 0 || Marshal.GetLastPInvokeError() != Interrupted)
            {
                next++;
            }
        }

        pending = 0;
        used = 0;
        return sent;
    }

    /// <summary>
    /// Calls recvmmsg on no descriptor: a kernel that has it answers EBADF; one without it (before
    /// 2.6.33), or a seccomp filter, answers ENOSYS or EPERM; a libc without it throws.
    /// </summary>
    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess || !BitConverter.IsLittleEndian)
        {
            return false;
        }

        try
        {
            return Linux.ReceiveMessages(-1, 0, 0, 0, 0) < 0 && Marshal.GetLastPInvokeError() == BadDescriptor;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static byte[] Pinned(int length, out nint address)
    {
        var array = GC.AllocateArray<byte>(length, pinned: true);
        address = Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        return array;
    }

    private static void WritePointer(Span<byte> field, nint value) => BinaryPrimitives.WriteInt64LittleEndian(field, value);

    /// <summary>The two libc calls; blittable arguments only, so no marshalling code is generated.</summary>
    internal static class Linux
    {
        /// <summary><c>int recvmmsg(int, struct mmsghdr *, unsigned int, int, struct timespec *)</c></summary>
        [DllImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
        public static extern int ReceiveMessages(int fd, nint headers, uint count, int flags, nint timeout);

        /// <summary><c>int sendmmsg(int, struct mmsghdr *, unsigned int, int)</c></summary>
        [DllImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
        public static extern int SendMessages(int fd, nint headers, uint count, int flags);
    }
}
