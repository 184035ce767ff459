using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization.Metadata;

namespace Dispatch.Agent.LocalApi;

/// <summary>
/// The local API of a running host, over its Unix socket. Errors come back as the host's one-line message and exit status
/// (<see cref="HostProblemException"/>); cancelling a request closes the connection, which stops the host's work for it and
/// lets go of any key it held.
/// </summary>
public sealed class HostClient : IDesktopApi, IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client of the host listening on <paramref name="socketPath"/> for <paramref name="displayName"/>.</summary>
    public HostClient(string socketPath, string displayName)
    {
        SocketPath = socketPath;
        DisplayName = displayName;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        // A step may wait minutes for a person's answer; the caller's token bounds every request instead.
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://dispatch-host/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The host's socket.</summary>
    public string SocketPath { get; }

    /// <inheritdoc/>
    public string DisplayName { get; }

    /// <inheritdoc/>
    public Task<ScreenshotReply> ScreenshotAsync(ScreenshotRequest request, CancellationToken cancellationToken) =>
        PostAsync("v1/screenshot", request, LocalApiJsonContext.Default.ScreenshotRequest, LocalApiJsonContext.Default.ScreenshotReply, cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WindowDto>> WindowsAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "v1/windows"), cancellationToken);
        return await ReadAsync(response, LocalApiJsonContext.Default.IReadOnlyListWindowDto, cancellationToken);
    }

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
    public async IAsyncEnumerable<WatchEvent> WatchAsync(WatchRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "v1/watch") { Content = JsonContent.Create(request, LocalApiJsonContext.Default.WatchRequest) };
        using var response = await SendAsync(message, cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await ReadLineOrEndAsync(reader, cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                yield return System.Text.Json.JsonSerializer.Deserialize(line.AsSpan(6), LocalApiJsonContext.Default.WatchEvent)
                    ?? throw new HostProblemException("the host sent an empty watch event", FailureReport.Bug);
            }
        }
    }

    /// <summary>The next line of a stream; null at its end or when the caller stops reading (Ctrl+C ends a watch normally).</summary>
    private static async Task<string?> ReadLineOrEndAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>What the host says about itself.</summary>
    public async Task<HostStatusReply> StatusAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "v1/status"), cancellationToken);
        return await ReadAsync(response, LocalApiJsonContext.Default.HostStatusReply, cancellationToken);
    }

    /// <summary>Asks the host to stop: its running tasks are stopped and their keys let go, then it closes.</summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "v1/shutdown"), cancellationToken);
    }

    /// <summary>The latest tasks the host ran, newest first.</summary>
    public async Task<IReadOnlyList<TaskSummaryDto>> TasksAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "v1/tasks"), cancellationToken);
        return await ReadAsync(response, LocalApiJsonContext.Default.IReadOnlyListTaskSummaryDto, cancellationToken);
    }

    /// <summary>The host's loop events as they happen (Server-Sent Events), until cancelled or the host stops.</summary>
    public async IAsyncEnumerable<string> EventLinesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "v1/events"), cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return line;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private async Task<TReply> PostAsync<TRequest, TReply>(string path, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TReply> replyType,
        CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(request, requestType) };
        using var response = await SendAsync(message, cancellationToken);
        return await ReadAsync(response, replyType, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, completion, cancellationToken);
        }
        catch (HttpRequestException error) when (error.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw new HostProblemException($"the Dispatch host of display {DisplayName} ({SocketPath}) could not be reached: {error.Message}; " +
                "run the command again with --direct to work without it", 1);
        }
        catch (HttpRequestException error)
        {
            // The request may have been carried out: repeating it could do an irreversible step twice.
            throw new HostProblemException($"the Dispatch host of display {DisplayName} stopped answering during the request ({error.Message}); " +
                "whether it was carried out is unknown: see 'dispatch status' and the host's journal before repeating it", 1);
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            ProblemReply? problem = null;
            try
            {
                problem = await response.Content.ReadFromJsonAsync(LocalApiJsonContext.Default.ProblemReply, cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
                // Not one of ours: the status line is all there is to say.
            }
            throw new HostProblemException(problem?.Detail ?? $"the host answered {(int)response.StatusCode} {response.ReasonPhrase}",
                problem is { ExitCode: > 0 } known ? known.ExitCode : response.StatusCode == HttpStatusCode.InternalServerError ? FailureReport.Bug : 1);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync(type, cancellationToken)
        ?? throw new HostProblemException("the host answered with an empty body", FailureReport.Bug);
}
