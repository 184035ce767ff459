using System.Runtime.Versioning;
using System.Text.Json.Serialization.Metadata;
using Dispatch.Agent.Cli;
using Dispatch.Agent.LocalApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dispatch.Agent.Host;

/// <summary>
/// The local API on the host's Unix socket: what the CLI does, as requests with DTOs of their own. Errors are problem
/// details carrying the CLI's one-line message and exit status; a client that goes away cancels its request, which stops
/// its task and lets go of any key it held.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class HostEndpoints
{
    public static void Map(WebApplication app, HostRecord record)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        // A host that stops ends every request with it (a task, a watch, an event stream), as a client that went away would.
        app.Use(async (context, next) =>
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            context.RequestAborted = either.Token;
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException error) when (!context.Response.HasStarted)
            {
                await BadRequest(error, context.Request).ExecuteAsync(context);
            }
        });
        var api = app.MapGroup("/v1");
        var json = LocalApiJsonContext.Default;
        api.MapPost("/screenshot", (ScreenshotRequest request, InProcessDesktopApi engine, HttpContext context) =>
            AnswerAsync(() => engine.ScreenshotAsync(request, context.RequestAborted), json.ScreenshotReply));
        api.MapGet("/windows", (InProcessDesktopApi engine, HttpContext context) =>
            AnswerAsync(() => engine.WindowsAsync(context.RequestAborted), json.IReadOnlyListWindowDto));
        api.MapPost("/inspect", (InspectRequest request, InProcessDesktopApi engine, HttpContext context) =>
            AnswerAsync(() => engine.InspectAsync(request, context.RequestAborted), json.TreeReply));
        api.MapPost("/find", (FindRequest request, InProcessDesktopApi engine, HttpContext context) =>
            AnswerAsync(() => engine.FindAsync(request, context.RequestAborted), json.FindReply));
        api.MapPost("/ocr", (OcrRequest request, InProcessDesktopApi engine, HttpContext context) =>
            AnswerAsync(() => engine.OcrAsync(request, context.RequestAborted), json.OcrReply));
        api.MapPost("/locate", (LocateRequest request, InProcessDesktopApi engine, HttpContext context) =>
            AnswerAsync(() => engine.LocateAsync(request, context.RequestAborted), json.LocateReply));
        api.MapPost("/launch", (LaunchRequest request, InProcessDesktopApi engine, HttpContext context) =>
            AnswerAsync(() => engine.LaunchAsync(request, context.RequestAborted), json.LaunchReply));
        api.MapPost("/window", (WindowRequest request, InProcessDesktopApi engine, HttpContext context) =>
            AnswerAsync(() => engine.ArrangeWindowAsync(request, context.RequestAborted), json.WindowReply));
        api.MapPost("/wait-window", (WaitWindowRequest request, InProcessDesktopApi engine, HttpContext context) =>
            AnswerAsync(() => engine.WaitWindowAsync(request, context.RequestAborted), json.WindowReply));
        api.MapGet("/tasks", (LoopEventHub hub) => Results.Json(hub.Tasks, json.IReadOnlyListTaskSummaryDto));
        api.MapPost("/tasks", (StepRequest request, InProcessDesktopApi engine, HttpContext context) =>
            AnswerAsync(async () =>
            {
                // Held steps are asked on the terminal of the person who ran the command, found from the socket's peer.
                using var terminal = ClientTerminal.Of(PeerCredentials.ProcessIdOf(context));
                return await engine.RunStepsAsync(request, new ConsoleApprovalChannel(terminal: terminal), context.RequestAborted);
            }, json.StepReply));
        api.MapPost("/recipes", (RecipeRequest request, InProcessDesktopApi engine, HttpContext context) =>
            AnswerAsync(async () =>
            {
                // Asked like /tasks: on the terminal of the person who ran the command.
                using var terminal = ClientTerminal.Of(PeerCredentials.ProcessIdOf(context));
                return await engine.RunRecipeAsync(request, new ConsoleApprovalChannel(terminal: terminal), context.RequestAborted);
            }, json.RecipeReply));
        api.MapPost("/watch", async Task<IResult> (WatchRequest request, InProcessDesktopApi engine, HttpContext context) =>
        {
            // Checked before the stream starts, so a bad region or duration is a problem reply like any other.
            var watch = engine.WatchAsync(request, context.RequestAborted).GetAsyncEnumerator(context.RequestAborted);
            try
            {
                if (!await watch.MoveNextAsync())
                {
                    await watch.DisposeAsync();
                    return Results.Empty;
                }
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                await watch.DisposeAsync();
                return Problem(error);
            }
            return TypedResults.ServerSentEvents(Rest(watch, context.RequestAborted));
        });
        api.MapGet("/status", (LoopEventHub hub) => Results.Json(new HostStatusReply(record, hub.Tasks.Count, hub.Tasks.Count(t => t.Finished is null)),
            json.HostStatusReply));
        api.MapPost("/shutdown", () =>
        {
            app.Lifetime.StopApplication();
            return Results.Accepted();
        });
        api.MapGet("/events", (LoopEventHub hub, HttpContext context) => TypedResults.ServerSentEvents(hub.FollowAsync(context.RequestAborted)));
    }

    /// <summary>The first item of a started enumeration, then the rest of it.</summary>
    private static async IAsyncEnumerable<T> Rest<T>(IAsyncEnumerator<T> started, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using (started)
        {
            yield return started.Current;
            while (!cancellationToken.IsCancellationRequested && await started.MoveNextAsync())
            {
                yield return started.Current;
            }
        }
    }

    private static async Task<IResult> AnswerAsync<T>(Func<Task<T>> work, JsonTypeInfo<T> type)
    {
        try
        {
            return Results.Json(await work(), type);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return Problem(error);
        }
    }

    private static IResult BadRequest(BadHttpRequestException error, HttpRequest request)
    {
        // "Failed to read parameter "FindRequest request" from the request body as JSON." and, inside, what JSON said where.
        var detail = request.ContentLength == 0 ? $"the request {request.Method} {request.Path} has no body; a JSON object is expected"
            : error.InnerException is { } cause ? $"{error.Message.TrimEnd('.')}: {cause.Message}"
            : error.Message;
        return Results.Json(new ProblemReply("Bad request", detail, error.StatusCode, 1),
            LocalApiJsonContext.Default.ProblemReply, "application/problem+json", error.StatusCode);
    }

    private static IResult Problem(Exception error)
    {
        var report = FailureReport.Of(error);
        var status = report.ExitCode switch
        {
            FailureReport.Bug => StatusCodes.Status500InternalServerError,
            FailureReport.Cancelled => 499,
            _ => StatusCodes.Status400BadRequest,
        };
        return Results.Json(new ProblemReply(status == 400 ? "Bad request" : "Failed", report.Message, status, report.ExitCode),
            LocalApiJsonContext.Default.ProblemReply, "application/problem+json", status);
    }
}
