using System.Text;

namespace Dispatch.Agent.LocalApi;

/// <summary>Reads one CRLF-terminated line of HTTP framing (a status line, a header, a chunk size) from a buffered stream.</summary>
internal static class HttpLine
{
    /// <summary>The next line without its line end.</summary>
    /// <exception cref="IOException">The stream ended first (<paramref name="what"/> names where), or the line is longer than <paramref name="maxBytes"/>.</exception>
    public static string Read(Stream stream, int maxBytes, string what)
    {
        var line = new StringBuilder();
        while (true)
        {
            var next = stream.ReadByte();
            if (next < 0)
            {
                throw new IOException($"the host's answer ended inside {what}");
            }
            if (next == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }
            if (line.Length >= maxBytes)
            {
                throw new IOException($"the host's answer has {what} longer than {maxBytes} bytes");
            }
            line.Append((char)next);
        }
    }
}
