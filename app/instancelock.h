#pragma once

#include <QLockFile>
#include <QString>

#include <memory>

namespace vigil
{

// One running Vigil per data directory: two would record into the same history and each would
// take the other's live journal for the leftovers of a crash. The lock is a file in the data
// directory holding the PID and host of its owner; a lock whose process is gone (killed, power
// cut) is taken over. Headless commands (--check-config, export) do not take it: they only read.
class InstanceLock
{
public:
    explicit InstanceLock(const QString &dataDir);
    ~InstanceLock();
    InstanceLock(const InstanceLock &) = delete;
    InstanceLock &operator=(const InstanceLock &) = delete;

    // False with `error` naming the PID and host that hold the directory, or why the lock file
    // cannot be written.
    bool acquire(QString *error);
    QString path() const { return m_path; }

private:
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace vigil
