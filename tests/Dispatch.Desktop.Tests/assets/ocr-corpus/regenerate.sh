#!/bin/sh
# Regenerates the OCR corpus kept here (NAME.png + NAME.json per scene of OcrCorpusScenes.cs): runs the test that draws
# every scene on a private virtual desktop, reads it and, with DISPATCH_OCR_CORPUS_OUT set, also writes its screenshots
# and truth into this folder. Run from anywhere; needs what ./dispatch test needs (Xvfb, the toolkits' apps, chromium).
#     sh tests/Dispatch.Desktop.Tests/assets/ocr-corpus/regenerate.sh
# The test fails when fresh screens read below the target; the files are written all the same.
set -e
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
rm -f "$here"/*.png "$here"/*.json
cd "$repo"
dotnet build tests/Dispatch.Desktop.Tests -c Release -nologo -v quiet -clp:NoSummary
DISPATCH_OCR_CORPUS_OUT="$here" OMP_THREAD_LIMIT=1 DOTNET_EnableDiagnostics=0 \
  dotnet test tests/Dispatch.Desktop.Tests -c Release --no-build --filter "FullyQualifiedName~OcrCorpusTests.FreshScreens" || true
ls "$here"/*.png | wc -l
