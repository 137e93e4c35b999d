// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchCore
import FailwatchFetch
import FailwatchKit
import Foundation

extension FailwatchCommand {
    /// Reads one feed (file, URL or stdin) and shows what failwatch sees in it, so a feed
    /// can be checked before it goes into the configuration.
    struct Parse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse one feed (RSS, RDF, Atom, JSON Feed) and print what failwatch reads from it."
        )

        @Argument(help: "A file, a file:// or http(s):// URL, or - for standard input.")
        var source: String

        @Flag(help: "Print one JSON object instead of a summary.")
        var json = false

        @Option(help: .hidden)
        var bench: Int?

        func run() async throws {
            if let bench {
                try runBench(repeats: max(1, bench))
                return
            }
            let feed: Feed
            do {
                let (data, contentType, baseURL) = try await read(source)
                feed = try FeedParser.parse(data, contentType: contentType, baseURL: baseURL)
            } catch let error as FeedParseError {
                fail(error.description)
            } catch {
                // Network and file errors: Foundation's one-line description, not the NSError dump.
                fail("cannot read: \(error.localizedDescription)")
            }
            if json {
                let output = FileHandle.standardOutput
                FeedJSON.write(feed) { output.write(Data($0)) }
                output.write(Data("\n".utf8))
            } else {
                printSummary(feed)
            }
        }

        private func fail(_ reason: String) -> Never {
            let line = reason.split(whereSeparator: \.isNewline).joined(separator: " ")
            FileHandle.standardError.write(Data("failwatch: \(source): \(line)\n".utf8))
            Foundation.exit(1)
        }

        /// The body, its content type (HTTP only) and the URL relative links resolve against.
        private func read(_ source: String) async throws -> (Data, String?, URL?) {
            if source == "-" {
                return (FileHandle.standardInput.readDataToEndOfFile(), nil, nil)
            }
            if let url = URL(string: source), let scheme = url.scheme?.lowercased() {
                if scheme == "http" || scheme == "https" {
                    // The same fetcher as `poll`: size caps, bounded redirects, timeout, User-Agent.
                    switch await URLSessionFetcher(policy: FetchPolicy()).fetch(FetchRequest(url: url)) {
                    case .fetched(let body): return (body.data, body.contentType, body.finalURL)
                    case .notModified: fail("not modified")
                    case .retryLater(let status, _): fail("http \(status): the server asks to try again later")
                    case .failed(let error): fail(error.description)
                    }
                }
                if scheme == "file" {
                    return (try readFile(url.path), nil, url)
                }
            }
            return (try readFile(source), nil, nil)
        }

        private func readFile(_ path: String) throws -> Data {
            guard FileManager.default.isReadableFile(atPath: path) else {
                fail("cannot read file")
            }
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }

        private func printSummary(_ feed: Feed) {
            print("\(feed.format.rawValue): \(feed.title ?? "(untitled)")")
            if let link = feed.link { print("link: \(link)") }
            print("\(feed.items.count) items")
            for item in feed.items.prefix(10) {
                let date = (item.published ?? item.updated).map(FeedDate.iso8601UTC) ?? "no date"
                print("- \(date)  \(item.title ?? item.summary?.prefix(80).description ?? "(untitled)")")
            }
            if feed.items.count > 10 { print("  … \(feed.items.count - 10) more") }
            for warning in feed.warnings { print("warning: \(warning)") }
        }

        /// CPU time of this process: on a shared machine it is steadier than wall time.
        private static func processCPUSeconds() -> Double {
            var spec = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
            return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
        }

        /// Parses every file (a directory's subfolders are walked) `repeats` times in-process and prints
        /// throughput as one JSON line; reading the files is not timed.
        private func runBench(repeats: Int) throws {
            var paths: [String] = []
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue {
                let root = URL(fileURLWithPath: source)
                let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
                while let url = walker?.nextObject() as? URL {
                    var directory: ObjCBool = false
                    // Files beside the folders (a corpus's README, manifest) are not feeds.
                    if url.deletingLastPathComponent().standardizedFileURL.path == root.standardizedFileURL.path {
                        continue
                    }
                    if FileManager.default.fileExists(atPath: url.path, isDirectory: &directory), !directory.boolValue {
                        paths.append(url.path)
                    }
                }
            } else {
                paths = [source]
            }
            let bodies = try paths.sorted().map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
            let bytes = bodies.reduce(0) { $0 + $1.count }
            var items = 0
            var failed = 0
            let clock = ContinuousClock()
            let cpuStart = Self.processCPUSeconds()
            let elapsed = clock.measure {
                for _ in 0..<repeats {
                    for body in bodies {
                        if let feed = try? FeedParser.parse(body) { items += feed.items.count } else { failed += 1 }
                    }
                }
            }
            let cpuSeconds = Self.processCPUSeconds() - cpuStart
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let megabytes = Double(bytes * repeats) / 1_048_576
            print(
                "{\"parser\":\"failwatch\",\"files\":\(bodies.count),\"repeats\":\(repeats),\"bytes\":\(bytes),"
                    + "\"items\":\(items),\"failed\":\(failed),\"seconds\":\(seconds),"
                    + "\"items_per_s\":\(Int(Double(items) / seconds)),\"mb_per_s\":\(megabytes / seconds),"
                    + "\"cpu_seconds\":\(cpuSeconds),\"items_per_cpu_s\":\(Int(Double(items) / cpuSeconds))}")
        }
    }
}
