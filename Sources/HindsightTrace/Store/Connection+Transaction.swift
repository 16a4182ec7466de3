import CSQLite

extension Connection {
    /// Runs `body` inside one transaction: commits when it returns, rolls back when it throws
    /// (and rethrows the error), so that nothing of a failed body stays in the file.
    ///
    /// `BEGIN IMMEDIATE` takes the write lock up front, so a concurrent writer makes this
    /// wait (up to the busy timeout) rather than fail halfway. Transactions do not nest:
    /// calling this inside `body` is a programmer error.
    ///
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws, or ``StoreError`` when BEGIN or COMMIT fails.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        precondition(!isInTransaction, "Connection.transaction called inside a transaction on \(path)")
        try execute("BEGIN IMMEDIATE")
        let result: T
        do {
            result = try body()
            try execute("COMMIT")
        } catch {
            // A failed COMMIT may already have rolled back; ROLLBACK then has nothing to do.
            if isInTransaction { _ = sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
            throw error
        }
        return result
    }
}
