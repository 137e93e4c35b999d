// swift-tools-version:6.0
// SPDX-License-Identifier: Apache-2.0
import PackageDescription

var swiftSettings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]
// Scripts/validate.sh builds with FAILWATCH_STRICT set: a warning in failwatch's own targets
// is an error (dependencies keep their warnings to themselves).
if Context.environment["FAILWATCH_STRICT"] != nil {
    swiftSettings.append(.unsafeFlags(["-warnings-as-errors"]))
}

// The layers are targets so that the compiler keeps them: the pure core (parsing, text,
// classification, detection, report and alert models) sees no transport, store, run or CLI;
// transport and store see the core; the kit (config, run, alert delivery, report rendering)
// wires them; the CLI is a thin frontend over the kit.
let package = Package(
    name: "failwatch",
    platforms: [.macOS(.v14)],
    products: [.executable(name: "failwatch", targets: ["failwatch"])],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "FailwatchCore",
            dependencies: ["CLibXML2"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FailwatchFetch",
            dependencies: ["FailwatchCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FailwatchStore",
            dependencies: [
                "FailwatchCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FailwatchKit",
            dependencies: [
                "FailwatchCore",
                "FailwatchFetch",
                "FailwatchStore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "failwatch",
            dependencies: [
                "FailwatchCore",
                "FailwatchFetch",
                "FailwatchStore",
                "FailwatchKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FailwatchTestSupport",
            dependencies: [
                "FailwatchCore",
                "FailwatchFetch",
                "FailwatchStore",
                "FailwatchKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "FetchBench",
            dependencies: ["FailwatchCore", "FailwatchFetch", "FailwatchKit", "FailwatchTestSupport"],
            path: "Benchmarks/FetchBench",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FailwatchKitTests",
            dependencies: ["FailwatchCore", "FailwatchFetch", "FailwatchStore", "FailwatchKit", "FailwatchTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "failwatchTests",
            dependencies: ["FailwatchCore", "FailwatchFetch", "FailwatchStore", "FailwatchKit", "FailwatchTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)

// Coverage-guided fuzz targets (Fuzz/README.md), only with FAILWATCH_FUZZ set: linked with
// `--sanitize=fuzzer`, libFuzzer brings its own main, so normal builds and CI leave them out.
if Context.environment["FAILWATCH_FUZZ"] != nil {
    package.targets.append(
        .executableTarget(
            name: "FailwatchFuzz",
            dependencies: ["FailwatchCore", "FailwatchKit", "FailwatchTestSupport"],
            path: "Fuzz/FailwatchFuzz",
            swiftSettings: swiftSettings
        ))
}
