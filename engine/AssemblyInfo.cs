using System.Runtime.CompilerServices;

// Every native signature is blittable or marshalled by the LibraryImport source generator.
[assembly: DisableRuntimeMarshalling]
