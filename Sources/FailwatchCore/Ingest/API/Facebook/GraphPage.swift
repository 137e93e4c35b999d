// SPDX-License-Identifier: Apache-2.0

/// A page of Graph API objects (`{"data": [...], "paging": {...}}`), as Instagram's media and
/// Threads' posts come: only what failwatch reads, and a broken object costs itself, not the page.
struct GraphPage<Item: Decodable>: Decodable {
    var data: LenientList<Item>
    var paging: GraphPaging?
}
