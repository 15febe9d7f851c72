import ChainModel
import Synchronization

/// Keeps the park a verb loaded alive until the process exits.
///
/// A verb's last step would otherwise be freeing the park record by record: at a million
/// firms and ten million links that is millions of releases (about a second of a verb's
/// wall time) for memory the exit gives back at once. Only the latest park is kept, so a
/// command that loads again (`measure --repeat`) holds one park, not all of them.
enum ProcessLifetime {
    private static let kept = Mutex<Park?>(nil)

    /// Holds `park` until exit (or until the next call).
    static func keep(_ park: Park) {
        let previous = kept.withLock { slot in
            let old = slot
            slot = park
            return old
        }
        _ = previous  // the one before is freed here, outside the lock
    }
}
