using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Dispatch.Agent.LocalApi;

/// <summary>
/// The local API of a running host, over its Unix socket (<see cref="HostExchange"/>). Errors come back as the host's
/// one-line message and exit status (<see cref="HostProblemException"/>); cancelling a request closes the connection,
/// which stops the host's work for it and lets go of any key it held.
/// </summary>
public sealed class HostClient : IDesktopApi, IDisposable
{
    /// <summary>A client of the host listening on <paramref name="socketPath"/> for <paramref name="displayName"/>.</summary>
    public HostClient(string socketPath, string displayName)
    {
        SocketPath = socketPath;
        DisplayName = displayName;
    }

    /// <summary>The host's socket.</summary>
    public string SocketPath { get; }

    /// <inheritdoc/>
    public string DisplayName { get; }

    /// <inheritdoc/>
    public Task<ScreenshotReply> ScreenshotAsync(ScreenshotRequest request, CancellationToken cancellationToken) =>
        PostAsync("v1/screenshot", request, LocalApiJsonContext.Default.ScreenshotRequest, LocalApiJsonContext.Default.ScreenshotReply, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<WindowDto>> WindowsAsync(CancellationToken cancellationToken) =>
        GetAsync("v1/windows", LocalApiJsonContext.Default.IReadOnlyListWindowDto, cancellationToken);

    /// <inheritdoc/>
    public Task<TreeReply> InspectAsync(InspectRequest request, CancellationToken cancellationToken) =>
        PostAsync("v1/inspect", request, LocalApiJsonContext.Default.InspectRequest, LocalApiJsonContext.Default.TreeReply, cancellationToken);

    /// <inheritdoc/>
    public Task<FindReply> FindAsync(FindRequest request, CancellationToken cancellationToken) =>
        PostAsync("v1/find", request, LocalApiJsonContext.Default.FindRequest, LocalApiJsonContext.Default.FindReply, cancellationToken);

    /// <inheritdoc/>
    public Task<OcrReply> OcrAsync(OcrRequest request, CancellationToken cancellationToken) =>
        PostAsync("v1/ocr", request, LocalApiJsonContext.Default.OcrRequest, LocalApiJsonContext.Default.OcrReply, cancellationToken);

    /// <inheritdoc/>
    public Task<StepReply> RunStepsAsync(StepRequest request, CancellationToken cancellationToken) =>
        PostAsync("v1/tasks", request, LocalApiJsonContext.Default.StepRequest, LocalApiJsonContext.Default.StepReply, cancellationToken);

    /// <inheritdoc/>
    public Task<RecipeReply> RunRecipeAsync(RecipeRequest request, CancellationToken cancellationToken) =>
        PostAsync("v1/recipes", request, LocalApiJsonContext.Default.RecipeRequest, LocalApiJsonContext.Default.RecipeReply, cancellationToken);

    /// <inheritdoc/>
    public Task<LocateReply> LocateAsync(LocateRequest request, CancellationToken cancellationToken) =>
        PostAsync("v1/locate", request, LocalApiJsonContext.Default.LocateRequest, LocalApiJsonContext.Default.LocateReply, cancellationToken);

    /// <inheritdoc/>
    public Task<LaunchReply> LaunchAsync(LaunchRequest request, CancellationToken cancellationToken) =>
        PostAsync("v1/launch", request, LocalApiJsonContext.Default.LaunchRequest, LocalApiJsonContext.Default.LaunchReply, cancellationToken);

    /// <inheritdoc/>
    public Task<WindowReply> ArrangeWindowAsync(WindowRequest request, CancellationToken cancellationToken) =>
        PostAsync("v1/window", request, LocalApiJsonContext.Default.WindowRequest, LocalApiJsonContext.Default.WindowReply, cancellationToken);

    /// <inheritdoc/>
    public Task<WindowReply> WaitWindowAsync(WaitWindowRequest request, CancellationToken cancellationToken) =>
        PostAsync("v1/wait-window", request, LocalApiJsonContext.Default.WaitWindowRequest, LocalApiJsonContext.Default.WindowReply, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<WatchEvent> WatchAsync(WatchRequest request, CancellationToken cancellationToken) =>
        Watch(request, cancellationToken).ToAsyncEnumerable();

    private IEnumerable<WatchEvent> Watch(WatchRequest request, CancellationToken cancellationToken)
    {
        // Ctrl+C ends a watch normally: the lines stop when the caller does.
        foreach (var line in StreamLines("POST", "v1/watch", JsonSerializer.SerializeToUtf8Bytes(request, LocalApiJsonContext.Default.WatchRequest), cancellationToken))
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                yield return JsonSerializer.Deserialize(line.AsSpan(6), LocalApiJsonContext.Default.WatchEvent)
                    ?? throw new HostProblemException("the host sent an empty watch event", FailureReport.Bug);
            }
        }
    }

    /// <summary>What the host says about itself.</summary>
    public Task<HostStatusReply> StatusAsync(CancellationToken cancellationToken) =>
        GetAsync("v1/status", LocalApiJsonContext.Default.HostStatusReply, cancellationToken);

    /// <summary>Asks the host to stop: its running tasks are stopped and their keys let go, then it closes.</summary>
    public Task ShutdownAsync(CancellationToken cancellationToken)
    {
        using var exchange = Send("POST", "v1/shutdown", [], cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>The latest tasks the host ran, newest first.</summary>
    public Task<IReadOnlyList<TaskSummaryDto>> TasksAsync(CancellationToken cancellationToken) =>
        GetAsync("v1/tasks", LocalApiJsonContext.Default.IReadOnlyListTaskSummaryDto, cancellationToken);

    /// <summary>The host's loop events as they happen (Server-Sent Events), until cancelled or the host stops.</summary>
    public IAsyncEnumerable<string> EventLinesAsync(CancellationToken cancellationToken) =>
        StreamLines("GET", "v1/events", [], cancellationToken).ToAsyncEnumerable();

    /// <inheritdoc/>
    public void Dispose()
    {
        // Every request has its own connection, closed with it.
    }

    private Task<TReply> GetAsync<TReply>(string path, JsonTypeInfo<TReply> replyType, CancellationToken cancellationToken)
    {
        using var exchange = Send("GET", path, [], cancellationToken);
        return Task.FromResult(Read(exchange, replyType, cancellationToken));
    }

    private Task<TReply> PostAsync<TRequest, TReply>(string path, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TReply> replyType,
        CancellationToken cancellationToken)
    {
        using var exchange = Send("POST", path, JsonSerializer.SerializeToUtf8Bytes(request, requestType), cancellationToken);
        return Task.FromResult(Read(exchange, replyType, cancellationToken));
    }

    private HostExchange Send(string method, string path, ReadOnlySpan<byte> body, CancellationToken cancellationToken)
    {
        HostExchange exchange;
        try
        {
            exchange = HostExchange.Send(SocketPath, method, path, body, cancellationToken);
        }
        catch (SocketException error)
        {
            throw new HostProblemException($"the Dispatch host of display {DisplayName} ({SocketPath}) could not be reached: {error.Message}; " +
                "run the command again with --direct to work without it", 1);
        }
        catch (IOException error)
        {
            throw StoppedAnswering(error);
        }
        if (exchange.Succeeded)
        {
            return exchange;
        }
        using (exchange)
        {
            ProblemReply? problem = null;
            try
            {
                problem = JsonSerializer.Deserialize(ReadBody(exchange, cancellationToken), LocalApiJsonContext.Default.ProblemReply);
            }
            catch (JsonException)
            {
                // Not one of ours (or empty): the status line is all there is to say.
            }
            throw new HostProblemException(problem?.Detail ?? $"the host answered {exchange.StatusCode} {exchange.ReasonPhrase}",
                problem is { ExitCode: > 0 } known ? known.ExitCode : exchange.StatusCode == 500 ? FailureReport.Bug : 1);
        }
    }

    private HostProblemException StoppedAnswering(IOException error) =>
        // The request may have been carried out: repeating it could do an irreversible step twice.
        new($"the Dispatch host of display {DisplayName} stopped answering during the request ({error.Message}); " +
            "whether it was carried out is unknown: see 'dispatch status' and the host's journal before repeating it", 1);

    private byte[] ReadBody(HostExchange exchange, CancellationToken cancellationToken)
    {
        try
        {
            return exchange.ReadBody(cancellationToken);
        }
        catch (IOException error)
        {
            throw StoppedAnswering(error);
        }
    }

    private T Read<T>(HostExchange exchange, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var body = ReadBody(exchange, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new HostProblemException("the host answered with an empty body", FailureReport.Bug);
        }
        catch (JsonException error)
        {
            throw new HostProblemException($"the host's answer is not the expected {type.Type.Name} ({error.Message})", FailureReport.Bug);
        }
    }

    /// <summary>The lines of a streamed answer (Server-Sent Events) until the host ends it or the caller is cancelled.</summary>
    private IEnumerable<string> StreamLines(string method, string path, byte[] body, CancellationToken cancellationToken)
    {
        using var exchange = Send(method, path, body, cancellationToken);
        using var reader = new StreamReader(exchange.Body, leaveOpen: true);
        while (!cancellationToken.IsCancellationRequested)
        {
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (IOException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }
            if (line is null)
            {
                yield break;
            }
            yield return line;
        }
    }
}
