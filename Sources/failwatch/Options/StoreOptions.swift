// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchCore
import FailwatchKit
import FailwatchStore
import Foundation

/// `--config` and `--db`, shared by every command that reads the configuration or the store.
struct StoreOptions: ParsableArguments {
    @Option(help: "The configuration file (default: $FAILWATCH_CONFIG or ./feeds.yml).")
    var config: String?

    @Option(help: "The SQLite store (default: store.path from the configuration).")
    var db: String?

    /// The configuration path the user meant.
    var configPath: String {
        FeedsConfig.path(option: config, environment: ProcessInfo.processInfo.environment)
    }

    /// Configuration, store and lock, ready for a run.
    struct Context {
        var config: FeedsConfig
        var store: AppDatabase
        var lock: RunLock?
    }

    /// Loads the configuration, takes the run lock when asked, and opens the store.
    ///
    /// - Parameters:
    ///   - lockWait: seconds to wait for the run lock; `nil` for commands that do not write.
    ///   - secrets: `.required` for commands that fetch or send.
    ///   - readOnly: open an existing store for reading only; a missing file is one line, not a new store.
    /// - Throws: `exit 1 with one line on stderr or `ExitCode(75)` when the lock stays held.
    func open(lockWait: TimeInterval? = nil, secrets: SecretsPolicy = .optional, readOnly: Bool = false) throws
        -> Context
    {
        let config = try loadConfig(secrets: secrets)
        let path = db ?? config.store.path
        if readOnly {
            do {
                return Context(config: config, store: try AppDatabase.openReadOnly(path: path), lock: nil)
            } catch {
                throw Terminal.failure(error.description)
            }
        }
        var lock: RunLock?
        if let lockWait {
            do {
                lock = try RunLock.acquire(path: path + ".lock", wait: lockWait)
            } catch {
                Terminal.error(error.description)
                if case .held = error { throw ExitCode(75) }
                throw ExitCode.failure
            }
        }
        do {
            let store = try AppDatabase.open(path: path, busyTimeout: lockWait ?? 10)
            return Context(config: config, store: store, lock: lock)
        } catch {
            throw Terminal.failure(error.description)
        }
    }

    /// Configuration and an existing store opened for writing, without the run lock (one short
    /// write, as `silence` makes): a mistyped `--db` is one line, not a new empty store.
    func openExisting() throws -> Context {
        let config = try loadConfig()
        let path = db ?? config.store.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw Terminal.failure(
                "store: cannot open \(path): no such file; hint: pass --db PATH, or run `failwatch poll` once to create it")
        }
        do {
            return Context(config: config, store: try AppDatabase.open(path: path), lock: nil)
        } catch {
            throw Terminal.failure(error.description)
        }
    }

    /// The rules with the configured providers (none without a configuration), plus the model
    /// from `classifier.model` in the configuration or `override`.
    static func classifier(_ config: FeedsConfig?, model override: String? = nil) throws -> Classifier {
        var model: LinearModel?
        if let path = override ?? config?.classifier.modelPath {
            do {
                model = try LinearModel.load(path: path)
            } catch {
                throw Terminal.failure("\(error)")
            }
        }
        return Classifier(providers: (config?.providers ?? []).map(ProviderTerms.init), model: model)
    }

    func loadConfig(secrets: SecretsPolicy = .optional) throws -> FeedsConfig {
        try Self.loadConfig(at: configPath, secrets: secrets)
    }

    /// Loads a configuration, or prints each problem as `FILE:LINE:COL: message` and exits 1.
    ///
    /// - Parameter secrets: `.optional` (the default) for commands that neither fetch nor send.
    static func loadConfig(at path: String, secrets: SecretsPolicy = .optional) throws -> FeedsConfig {
        do {
            return try FeedsConfig.load(
                path: path, environment: ProcessInfo.processInfo.environment, secrets: secrets,
                missingFileHint: FeedsConfig.missingFileHint)
        } catch {
            for line in error.lines { Terminal.note(line) }
            throw ExitCode.failure
        }
    }
}
