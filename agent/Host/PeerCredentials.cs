using System.Buffers.Binary;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Dispatch.Agent.Host;

/// <summary>Who is at the other end of a Unix-socket request, as the kernel says (SO_PEERCRED): the client's process.</summary>
internal static class PeerCredentials
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    /// <summary>The client's process id; null when the connection is not a Unix socket.</summary>
    public static int? ProcessIdOf(HttpContext context)
    {
        if (context.Features.Get<IConnectionSocketFeature>()?.Socket is not { AddressFamily: AddressFamily.Unix } socket)
        {
            return null;
        }
        // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
        Span<byte> credentials = stackalloc byte[12];
        return socket.GetRawSocketOption(SolSocket, SoPeerCred, credentials) == credentials.Length
            ? BinaryPrimitives.ReadInt32LittleEndian(credentials)
            : null;
    }
}
