// SPDX-License-Identifier: Apache-2.0

extension Classifier {
    /// What `poll` and `reclassify` store for one post: the classification, its providers cut
    /// to those the source speaks about.
    public func verdict(_ text: String, language: String?, scope: ProviderScope) -> Classification {
        var classification = classify(text, language: language, explain: false)
        classification.providers.removeAll { !scope.includes($0.id) }
        return classification
    }
}
