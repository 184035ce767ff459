using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Dispatch.Engine.Loop;
using Dispatch.Engine.Recording;

namespace Dispatch.Agent.Reports;

/// <summary>
/// The report of one replay: a self-contained HTML page (images inside it, no external assets, so it opens anywhere,
/// offline) with each step's recorded screen, the screen after it now, the locator and channel that found its target,
/// heals, decision and time; and JUnit XML for CI, one test case per step.
/// </summary>
internal sealed class ReplayReport(string name, string sessionFolder, IReadOnlyList<RecordedStep> steps, ReplayPlanner planner, LoopResult result,
    string evidenceFolder, string journal)
{
    /// <summary>Writes <c>report.html</c> and <c>junit.xml</c> into <paramref name="folder"/>; returns the HTML file.</summary>
    public string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var html = Path.Combine(folder, "report.html");
        File.WriteAllText(html, Html());
        using (var junit = System.Xml.XmlWriter.Create(Path.Combine(folder, "junit.xml"), new System.Xml.XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            new XDocument(JUnit()).Save(junit);
        }
        return html;
    }

    private IEnumerable<(RecordedStep Step, ReplayStepReport? Report, StepRecord? Record, string Status, string? Why)> Rows()
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var report = planner.Reports.FirstOrDefault(r => r.Index == steps[i].Index);
            var record = i < result.Steps.Count ? result.Steps[i] : null;
            var failedHere = planner.Failure != ReplayFailure.None && planner.Message?.StartsWith($"step {steps[i].Index} ", StringComparison.Ordinal) == true;
            var status = failedHere ? "failed" : record is { Succeeded: true } ? report?.Healed == true ? "healed" : "passed" : "not run";
            yield return (steps[i], report, record, status, failedHere ? $"{planner.Failure}: {planner.Message}" : null);
        }
    }

    private string Html()
    {
        var page = new StringBuilder();
        var outcome = planner.Failure == ReplayFailure.None ? "passed" : "failed";
        page.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Replay {{E(name)}}: {{outcome}}</title>
            <style>
            body{font:14px system-ui,sans-serif;margin:2em;color:#222} h1 span{font-size:.7em;padding:.2em .5em;border-radius:.3em}
            .passed{background:#d8f5d8} .failed{background:#f8d0d0} .healed{background:#fff0c0} .notrun{background:#eee}
            section{border:1px solid #ccc;border-radius:.4em;margin:1em 0;padding:.8em} img{max-width:48%;border:1px solid #999;margin-right:1%}
            code{background:#f4f4f4;padding:.1em .3em} .timeline{display:flex;gap:2px;margin:1em 0} .timeline div{flex:1;height:1.2em}
            </style></head>
            <body data-outcome="{{outcome}}">
            <h1>Replay of {{E(name)}} <span class="{{outcome}}">{{outcome}}</span></h1>
            <p>{{E(planner.Message ?? "")}}</p><p>Journal: <code>{{E(journal)}}</code></p>
            <div class="timeline">
            """);
        var rows = Rows().ToList();
        foreach (var row in rows)
        {
            page.Append(CultureInfo.InvariantCulture, $"<div class=\"{row.Status.Replace(" ", "", StringComparison.Ordinal)}\" title=\"step {row.Step.Index}: {row.Status}\"></div>");
        }
        page.Append("</div>\n");
        foreach (var row in rows)
        {
            page.Append(CultureInfo.InvariantCulture, $"<section id=\"step-{row.Step.Index}\"><h2>Step {row.Step.Index} <span class=\"{row.Status.Replace(" ", "", StringComparison.Ordinal)}\">{row.Status}</span></h2>\n");
            page.Append(CultureInfo.InvariantCulture, $"<p><code>{E(row.Step.Action.GetRawText())}</code>{(row.Step.Element is { } element ? $" on {E(element)}" : "")}{(row.Step.WindowTitle is { } window ? $" in “{E(window)}”" : "")}</p>\n");
            if (row.Report is { Channel: { } channel } report)
            {
                page.Append(CultureInfo.InvariantCulture, $"<p>Found by <b>{E(channel)}</b>{(report.Healed ? " — <b>healed</b>: a better locator found nothing" : "")}: <code>{E(report.Locator ?? "")}</code>, at {report.ReplayedPoint?.X},{report.ReplayedPoint?.Y} (recorded at {report.RecordedPoint?.X},{report.RecordedPoint?.Y}).</p>\n");
            }
            if (row.Record is { } record)
            {
                page.Append(CultureInfo.InvariantCulture, $"<p>Decision: {E(record.Decision?.ToString() ?? "none")}, outcome: {E(record.Outcome.ToString())}{(row.Report is { } timed ? $", {timed.Elapsed.TotalMilliseconds:0} ms" : "")}.</p>\n");
            }
            if (row.Why is { } why)
            {
                page.Append(CultureInfo.InvariantCulture, $"<p class=\"failed\">{E(why)}</p>\n");
            }
            page.Append(Image(Path.Combine(sessionFolder, row.Step.Before), $"step {row.Step.Index}: recorded, before"));
            if (row.Report?.After is { } after)
            {
                page.Append(Image(Path.Combine(evidenceFolder, after), $"step {row.Step.Index}: replayed, after"));
            }
            page.Append("</section>\n");
        }
        // Counts the images the browser could decode, so a test (or a person) can see none is broken.
        page.Append("""
            <script>
            addEventListener('load', () => {
              const images = [...document.images];
              document.body.dataset.imagesLoaded = images.filter(i => i.complete && i.naturalWidth > 0).length;
              document.body.dataset.imagesBroken = images.filter(i => !(i.complete && i.naturalWidth > 0)).length;
            });
            </script></body></html>
            """);
        return page.ToString();
    }

    private static string Image(string path, string caption) => File.Exists(path)
        ? $"<img alt=\"{E(caption)}\" title=\"{E(caption)}\" src=\"data:image/png;base64,{Convert.ToBase64String(File.ReadAllBytes(path))}\">\n"
        : $"<p>({E(caption)}: no image)</p>\n";

    private XElement JUnit()
    {
        var rows = Rows().ToList();
        return new XElement("testsuite",
            new XAttribute("name", $"replay {name}"),
            new XAttribute("tests", rows.Count),
            new XAttribute("failures", rows.Count(r => r.Status == "failed")),
            new XAttribute("skipped", rows.Count(r => r.Status == "not run")),
            rows.Select(row => new XElement("testcase",
                new XAttribute("classname", $"replay.{name}"),
                new XAttribute("name", $"step {row.Step.Index}: {row.Step.Action.GetRawText()}"),
                new XAttribute("time", ((row.Report?.Elapsed ?? TimeSpan.Zero).TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture)),
                row.Status switch
                {
                    "failed" => new XElement("failure", new XAttribute("message", row.Why ?? "failed"), row.Why),
                    "not run" => new XElement("skipped"),
                    "healed" => new XElement("system-out", $"healed: found by {row.Report?.Channel} ({row.Report?.Locator})"),
                    _ => null,
                })));
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
