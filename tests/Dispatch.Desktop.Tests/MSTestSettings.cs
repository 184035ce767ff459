// Each test class owns a virtual desktop; classes run one after another so two cores are not oversubscribed.
[assembly: DoNotParallelize]
