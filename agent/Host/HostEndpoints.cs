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
    public static void Map(WebApplication app)
    {
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
        api.MapGet("/tasks", (LoopEventHub hub) => Results.Json(hub.Tasks, json.IReadOnlyListTaskSummaryDto));
        api.MapPost("/tasks", (StepRequest request, InProcessDesktopApi engine, HttpContext context) =>
            AnswerAsync(async () =>
            {
                // Held steps are asked on the terminal of the person who ran the command, found from the socket's peer.
                using var terminal = ClientTerminal.Of(PeerCredentials.ProcessIdOf(context));
                return await engine.RunStepsAsync(request, new ConsoleApprovalChannel(terminal: terminal), context.RequestAborted);
            }, json.StepReply));
        api.MapGet("/events", (LoopEventHub hub, HttpContext context) => TypedResults.ServerSentEvents(hub.FollowAsync(context.RequestAborted)));
    }

    private static async Task<IResult> AnswerAsync<T>(Func<Task<T>> work, JsonTypeInfo<T> type)
    {
        try
        {
            return Results.Json(await work(), type);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
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
}
