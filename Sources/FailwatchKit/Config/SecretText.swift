// SPDX-License-Identifier: Apache-2.0

/// A source's token as feeds.yml gives it: its value, or none (absent, or left out because its
/// variable is unset and the command fetches nothing), or a mistake that was reported.
struct SecretText {
    var value: String?
    /// The key is there but wrong (empty, several lines, a bad `${`): the source is invalid.
    var failed: Bool
}
