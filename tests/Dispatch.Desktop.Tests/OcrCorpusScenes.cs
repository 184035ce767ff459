using System.Diagnostics;
using System.Net;
using System.Text;
using Dispatch.Engine.Windowing;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// The scenes of the OCR corpus: the same forms drawn by Tk, Qt and Chromium in several fonts and sizes, GTK 3
/// dialogs (zenity), Athena apps (xmessage, xedit with its stippled scroll bar), and xterm in a bitmap and an
/// outline font. Every text is chosen here, so the truth is known; the apps are in assets/ocr-corpus/apps.
/// </summary>
public static class OcrCorpusScenes
{
    /// <summary>Where the stored corpus (PNG + truth JSON per scene) and the scene apps are.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "assets", "ocr-corpus");

    private static readonly SceneFont s_dejaVuSans9 = new("DejaVu Sans", 9);

    private static readonly SceneForm s_invoice = new("Invoice", s_dejaVuSans9,
        [["Customer:", "Alice Mercer"], ["Invoice number:", "4711"], ["Due date:", "2024-03-15"], ["Amount:", "1,250.00 EUR"]],
        ["Send receipt by email", "Mark as paid"],
        ["Yes", "No"],
        ["Shipping address 42 Harbour Street", "Leeds LS1 4AB, United Kingdom", "Deliver between 9:00 and 17:00", "Reference: ORD-2291/B"],
        "Ready");

    private static readonly SceneForm s_account = new("Account settings", s_dejaVuSans9,
        [["User name:", "jmorales"], ["Email:", "j.morales@example.org"], ["Phone:", "+44 20 7946 0958"], ["Department:", "Quality Assurance"]],
        ["Remember me on this computer", "Show hidden files"],
        ["Apply", "Cancel", "Help"],
        ["Last login Tuesday from 192.168.4.17", "Password changed 12 days ago", "Two-factor authentication is enabled", "Quota used: 3.2 GB of 10 GB"],
        "Saved 3 changes");

    private static readonly SceneForm s_print = new("Print report", s_dejaVuSans9,
        [["Printer:", "Office LaserJet"], ["Copies:", "2"], ["Pages:", "1-5, 8"], ["Paper size:", "A4"]],
        ["Print on both sides", "Collate"],
        ["Print", "Preview", "Close"],
        ["Monthly sales report for March", "North region total 18,402", "South region total 9,877", "Prepared by Karin Olsen"],
        "Printer idle");

    private static readonly string[] s_letter =
    [
        "Dear Mr Holloway,",
        "thank you for your order of 14 May.",
        "The parcel left our warehouse today",
        "and should arrive within 3 working days.",
        "Tracking number: GB 8841 2290 17",
        "Kind regards, Northwind Supplies",
    ];

    /// <summary>Every scene, in a fixed order.</summary>
    public static IReadOnlyList<OcrCorpusScene> All { get; } =
    [
        Tk(s_invoice),
        Tk(s_account.In(new SceneFont("Nimbus Sans", 10, Bold: true))),
        Tk(s_print.In(new SceneFont("DejaVu Serif", 12))),
        Tk(s_invoice.In(new SceneFont("Nimbus Mono PS", 10))),
        Qt(s_account),
        Qt(s_print.In(new SceneFont("Nimbus Sans", 11))),
        Qt(s_invoice.In(new SceneFont("DejaVu Serif", 10, Bold: true))),
        Chromium(s_print.In(new SceneFont("DejaVu Sans", 10))),
        Chromium(s_invoice.In(new SceneFont("Nimbus Sans", 12))),
        Chromium(s_account.In(new SceneFont("DejaVu Serif", 9))),
        ZenityList(),
        ZenityQuestion(),
        ZenityEntry(),
        XMessage(),
        XEdit(),
        XTerm("fixed", "xterm-fixed", ["-fn", "fixed"]),
        XTerm("dejavu-sans-mono-11", "xterm-dejavu", ["-fa", "DejaVu Sans Mono", "-fs", "11"]),
    ];

    private static OcrCorpusScene Tk(SceneForm form) => new($"tk-{Slug(form)}", "tk", form.Text,
        desktop => desktop.App(ToolkitApps.Python, Path.Combine(Directory, "apps", "tk_scene.py"), Save(desktop, form)),
        window => window.ClassName == "Tkscene" && window.IsVisible);

    private static OcrCorpusScene Qt(SceneForm form) => new($"qt5-{Slug(form)}", "qt5", form.Text,
        desktop => desktop.App(ToolkitApps.Python, Path.Combine(Directory, "apps", "qt_scene.py"), Save(desktop, form)),
        window => window.ClassName == "qt_scene" && window.IsVisible);

    private static OcrCorpusScene Chromium(SceneForm form) => new($"chromium-{Slug(form)}", "chromium", form.Text,
        desktop =>
        {
            var page = desktop.PathOf(Slug(form) + ".html");
            File.WriteAllText(page, Html(form));
            return desktop.App("/bin/sh", Path.Combine(ToolkitApps.Directory, "web", "chromium.sh"), desktop.PathOf("chromium-" + Slug(form)), new Uri(page).AbsoluteUri);
        },
        window => window.ClassName == "Chromium" && window.Title == form.Title && window.IsVisible);

    private static OcrCorpusScene ZenityList() => new("gtk3-zenity-list", "gtk3",
        ["Open orders this week", "Customer", "City", "Amount", "Alice Mercer", "Leeds", "1,250.00", "Omar Haddad", "Bristol", "318.40",
            "Mei Tanaka", "York", "2,075.95", "Cancel", "OK"],
        desktop => desktop.App("zenity", "--list", "--title=Orders", "--text=Open orders this week", "--width=420", "--height=260",
            "--column=Customer", "--column=City", "--column=Amount",
            "Alice Mercer", "Leeds", "1,250.00", "Omar Haddad", "Bristol", "318.40", "Mei Tanaka", "York", "2,075.95"),
        window => window.ClassName == "Zenity" && window.Title == "Orders" && window.IsVisible);

    private static OcrCorpusScene ZenityQuestion() => new("gtk3-zenity-question", "gtk3",
        ["Replace the file report-march.pdf?", "Keep both", "Replace"],
        desktop => desktop.App("zenity", "--question", "--title=Replace", "--text=Replace the file report-march.pdf?", "--ok-label=Replace", "--cancel-label=Keep both"),
        window => window.ClassName == "Zenity" && window.Title == "Replace" && window.IsVisible);

    private static OcrCorpusScene ZenityEntry() => new("gtk3-zenity-entry", "gtk3",
        ["New folder name:", "Quarterly reports 2024", "Cancel", "OK"],
        desktop => desktop.App("zenity", "--entry", "--title=New folder", "--text=New folder name:", "--entry-text=Quarterly reports 2024", "--width=360"),
        window => window.ClassName == "Zenity" && window.Title == "New folder" && window.IsVisible);

    private static OcrCorpusScene XMessage()
    {
        string[] message = ["The document Budget 2024.ods has unsaved changes.", "Save them before closing?"];
        return new("athena-xmessage", "athena", [.. message, "Save", "Discard", "Cancel"],
            desktop => desktop.App("xmessage", "-buttons", "Save,Discard,Cancel", "-file", Write(desktop, "message.txt", message)),
            window => window.ClassName == "Xmessage" && window.IsVisible);
    }

    private static OcrCorpusScene XEdit() => new("athena-xedit", "athena",
        // xedit's own lines (xedit 1.2): its message, that no tags file is in the folder, and the file's status.
        ["Quit", "Save", "Load", "letter.txt", "Use Control-S and Control-R to Search.", "No tags file found. Run \"ctags -R\" to build a tags file.",
            "letter.txt Read - Write L1", .. s_letter],
        desktop => desktop.App("xedit", "-geometry", "560x360", Write(desktop, "letter.txt", s_letter)),
        window => window.ClassName == "Xedit" && window.IsVisible);

    private static OcrCorpusScene XTerm(string fontName, string name, string[] font) => new(name, "xterm", s_letter,
        desktop =>
        {
            var file = Write(desktop, $"{fontName}.txt", s_letter);
            // The block cursor would touch the last line; a person sees no cursor there either.
            return desktop.App("xterm", [.. font, "-geometry", "48x8", "-e", "sh", "-c", $"printf '\\033[?25l'; cat {file}; exec sleep 600"]);
        },
        window => window.ClassName == "XTerm" && window.IsVisible);

    private static string Slug(SceneForm form) => $"{form.Title.ToLowerInvariant().Replace(' ', '-')}-{form.Font.Slug}";

    private static string Save(TestDesktop desktop, SceneForm form)
    {
        var path = desktop.PathOf(Slug(form) + ".json");
        form.Save(path);
        return path;
    }

    private static string Write(TestDesktop desktop, string name, IEnumerable<string> lines)
    {
        File.WriteAllLines(desktop.PathOf(name), lines);
        return name;
    }

    /// <summary>The form as a web page: label and field rows, check boxes, a scrolled text box, buttons with the first letter underlined, a status line.</summary>
    private static string Html(SceneForm form)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var page = new StringBuilder();
        page.Append($"<!doctype html><html><head><meta charset=\"utf-8\"><title>{E(form.Title)}</title><style>")
            .Append($"body{{font-family:'{form.Font.Family}';font-size:{form.Font.Size}pt;font-weight:{(form.Font.Bold ? "bold" : "normal")};margin:12px}}")
            .Append("input,textarea,button{font:inherit} label.field{display:inline-block;width:9em} div{margin:4px 0}")
            .Append("textarea{overflow-y:scroll;resize:none} .status{border-top:1px solid #999;padding-top:4px}")
            .Append("</style></head><body>");
        foreach (var field in form.Fields)
        {
            page.Append($"<div><label class=\"field\">{E(field[0])}</label><input value=\"{E(field[1])}\" size=\"{field[1].Length + 4}\"></div>");
        }
        for (var i = 0; i < form.Choices.Count; i++)
        {
            page.Append($"<div><label><input type=\"checkbox\"{(i == 0 ? " checked" : "")}> {E(form.Choices[i])}</label></div>");
        }
        page.Append($"<textarea readonly rows=\"{form.Lines.Count + 1}\" cols=\"{form.Lines.Max(l => l.Length) + 4}\">{E(string.Join('\n', form.Lines))}</textarea><div>");
        foreach (var button in form.Buttons)
        {
            page.Append($"<button><u>{E(button[..1])}</u>{E(button[1..])}</button> ");
        }
        page.Append($"</div><div class=\"status\">{E(form.Status)}</div></body></html>");
        return page.ToString();
    }
}
