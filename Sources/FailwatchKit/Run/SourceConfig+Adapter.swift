// SPDX-License-Identifier: Apache-2.0

extension SourceConfig {
    /// The adapter that speaks this source's API; `nil` for feeds, which have their own parser.
    var apiAdapter: (any APIAdapter)? {
        switch query {
        case .feed, .statuspage: return nil
        }
    }
}
