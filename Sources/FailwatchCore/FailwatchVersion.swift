// SPDX-License-Identifier: Apache-2.0

/// The release, in one place: `--version`, and the User-Agent every request names it in.
public enum FailwatchVersion {
    public static let current = "0.1.0"
}
