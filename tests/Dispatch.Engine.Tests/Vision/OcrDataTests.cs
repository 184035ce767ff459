using System.Runtime.Versioning;
using Dispatch.Engine.Platform.X11;
using Dispatch.Engine.Vision;

namespace Dispatch.Engine.Tests.Vision;

[TestClass]
public sealed class OcrDataTests
{
    [TestMethod]
    public void Create_NoLanguageDataInTheFoldersGiven_NamesEveryFileLookedFor()
    {
        var first = Path.Combine(Path.GetTempPath(), "dispatch-no-tessdata-a");
        var second = Path.Combine(Path.GetTempPath(), "dispatch-no-tessdata-b");

        var error = Assert.ThrowsExactly<DispatchException>(() => new OcrEngine(new OcrOptions { DataPaths = [first, second] }));

        StringAssert.Contains(error.Message, Path.Combine(first, "eng.traineddata"));
        StringAssert.Contains(error.Message, Path.Combine(second, "eng.traineddata"));
        StringAssert.Contains(error.Message, "tesseract-ocr-eng");
    }

    [TestMethod]
    [SupportedOSPlatform("linux")]
    public void PlatformDefaults_OnLinux_LookInDebiansFoldersAndTheOtherDistributions_AndFindTheInstalledData()
    {
        var folders = TesseractSetup.DefaultDataPaths();

        Assert.IsTrue(folders.Any(f => f.StartsWith("/usr/share/tesseract-ocr/", StringComparison.Ordinal)), string.Join(", ", folders));
        Assert.Contains("/usr/share/tessdata", folders);
        // tesseract-ocr-eng is installed here (./dispatch installs it): the defaults alone find it.
        using var ocr = new OcrEngine(new OcrOptions { Parallelism = 1 });
    }
}
