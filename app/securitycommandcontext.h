#pragma once

#include "journal/journalconnection.h"
#include "security/audittrail.h"
#include "security/securityoptions.h"

#include <QByteArray>
#include <QString>
#include <QTextStream>

#include <memory>
#include <optional>

namespace vigil
{

class Clock;
class DriverCatalog;
struct PlantConfig;

// What `vigil user …`, `vigil audit verify` and the audited commands need from the plant file:
// journal.db (opened on this thread; the user commands create and migrate it when the app never
// ran), the audit key and head file in data_dir, and the [security] options.
class SecurityCommandContext
{
public:
    enum class Access {
        Administer, // create data_dir, journal.db and the key if missing; migrate
        Verify,     // read what exists; create nothing
        Record      // append audit rows to the journal.db the app made (the key if missing)
    };

    // Loads the plant and opens the journal; on failure prints why to `err` and returns the exit
    // code (1: bad plant or database, 2: no plant file).
    std::optional<int> open(const QString &plantFile, const DriverCatalog &drivers, Access access,
                            QTextStream &err);
    // The same for a plant a command has loaded already.
    std::optional<int> open(const PlantConfig &plant, Access access, QTextStream &err);
    // The audit trail of the opened journal, appending as the command line's user sees fit.
    AuditTrail auditTrail(const Clock *clock) const;

    QSqlDatabase database() const { return m_connection->database(); }
    bool isSqlite() const { return m_connection->isSqlite(); }
    const SecurityOptions &options() const { return m_options; }
    const QByteArray &key() const { return m_key; }
    const QString &keyFile() const { return m_keyFile; }
    const QString &headFile() const { return m_headFile; }
    bool hasKey() const { return !m_key.isEmpty(); }

    // "cli:<login name>", the actor of every change made from the command line.
    static QString actor();

private:
    std::optional<int> openDatabase(const QString &url, const QString &dataDir, Access access,
                                    QTextStream &err);

    std::unique_ptr<JournalConnection> m_connection;
    SecurityOptions m_options;
    QByteArray m_key;
    QString m_keyFile;
    QString m_headFile;
};

} // namespace vigil
