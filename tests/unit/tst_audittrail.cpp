// The audit trail on a real SQLite journal.db: appends chain each row to the one before and seal
// it with the key file's HMAC, and AuditVerifier names the first bad row after each kind of
// tampering, made through a separate connection as an intruder with write access to the file
// would: an edited field, a deleted middle row, a deleted last row (caught by the head file),
// an inserted row, two rows swapped, and a wrong key. Also: the key file's rules, two writers
// appending at once without forking the chain, and the Audit page's queries.

#include "journal/journalconnection.h"
#include "journal/journalschema.h"
#include "security/auditchain.h"
#include "security/auditkey.h"
#include "security/audittrail.h"
#include "security/auditverifier.h"
#include "util/manualclock.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <sys/stat.h>
#include <thread>

using namespace vigil;

namespace
{

constexpr int kRows = 6;

int mode(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

AuditEntry entry(int i)
{
    return {0,
            QStringLiteral("alice"),
            i % 2 ? QStringLiteral("command.operate") : QStringLiteral("alarm.acknowledge"),
            QStringLiteral("P10%1.CMD").arg(i),
            QStringLiteral("0 → 1 (row %1)").arg(i),
            QStringLiteral("ok")};
}

} // namespace

class TstAuditTrail : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void appendsAChainThatVerifies();
    void detectsAnEditedField();
    void detectsADeletedMiddleRow();
    void detectsADeletedLastRow();
    void recordsAMissingHeadFileInTheTrail();
    void detectsAnInsertedRowAtTheEnd();
    void detectsAnInsertedRowInTheMiddle();
    void detectsSwappedRows();
    void detectsAWrongKey();
    void acceptsAHeadFileThatIsBehind();
    void twoWritersNeverForkTheChain();
    void keyFileIsPrivateAndStable();
    void refusesAnUnsafeKeyFile();
    void pagesNewestFirstWithFilters();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("data/journal.db")); }
    QString keyPath() const { return m_dir->filePath(QStringLiteral("data/audit.key")); }
    QString headPath() const { return m_dir->filePath(QStringLiteral("data/audit.head")); }
    std::unique_ptr<JournalConnection> connect() const;
    AuditVerification verify(const QByteArray &key) const;
    AuditVerification verify() const { return verify(m_key); }
    // A separate plain connection to the file, as an intruder would use.
    void tamper(const QStringList &statements);
    AuditRow stored(qint64 seq) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<JournalConnection> m_connection;
    std::unique_ptr<AuditTrail> m_trail;
    QByteArray m_key;
};

std::unique_ptr<JournalConnection> TstAuditTrail::connect() const
{
    auto c = std::make_unique<JournalConnection>(
        *HistoryUrl::parse(QStringLiteral("sqlite:") + dbPath()), JournalConnection::Role::Writer);
    QString error;
    if (!c->open(&error))
        qFatal("%s", qPrintable(error));
    return c;
}

void TstAuditTrail::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<ManualClock>();
    m_connection = connect();
    QSqlDatabase db = m_connection->database();
    QString error;
    QVERIFY2(JournalSchema::migrate(db, true, &error), qPrintable(error));
    const std::optional<QByteArray> key = AuditKey::loadOrCreate(keyPath(), &error);
    QVERIFY2(key, qPrintable(error));
    m_key = *key;
    m_trail = std::make_unique<AuditTrail>(db, true, m_key, headPath(), m_clock.get());
    for (int i = 1; i <= kRows; ++i) {
        m_clock->advance(1000);
        const std::optional<AuditRow> row = m_trail->append(entry(i), &error);
        QVERIFY2(row, qPrintable(error));
        QCOMPARE(row->seq, i);
    }
}

void TstAuditTrail::cleanup()
{
    m_trail.reset();
    m_connection.reset();
    m_dir.reset();
}

AuditVerification TstAuditTrail::verify(const QByteArray &key) const
{
    const AuditHeadFile head(headPath());
    return AuditVerifier(m_connection->database(), true, key, head).run();
}

void TstAuditTrail::tamper(const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "intruder");
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &sql : statements)
            QVERIFY2(q.exec(sql), qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase("intruder");
}

AuditRow TstAuditTrail::stored(qint64 seq) const
{
    QString error;
    return *AuditStore(m_connection->database(), true).row(seq, &error);
}

void TstAuditTrail::appendsAChainThatVerifies()
{
    const AuditRow first = stored(1);
    QCOMPARE(first.prevHash, AuditChain::genesisHash());
    QCOMPARE(first.entry.timeMs, 1'700'000'001'000);
    QCOMPARE(first.entry, [] {
        AuditEntry e = entry(1);
        e.timeMs = 1'700'000'001'000;
        return e;
    }());
    for (qint64 seq = 2; seq <= kRows; ++seq)
        QCOMPARE(stored(seq).prevHash, stored(seq - 1).hash);
    QCOMPARE(first.hash, AuditChain::hash(first.prevHash, 1, first.entry));
    QCOMPARE(first.hmac, AuditChain::hmac(m_key, first.hash));

    const AuditVerification result = verify();
    QVERIFY2(result.ok, qPrintable(result.reason));
    QCOMPARE(result.rowsChecked, kRows);
    QCOMPARE(result.firstBadSeq, 0);

    // The head file records the last row.
    QString error;
    const std::optional<AuditHead> head = AuditHeadFile(headPath()).read(&error);
    QVERIFY2(head, qPrintable(error));
    QCOMPARE(head->seq, kRows);
    QCOMPARE(head->hash, stored(kRows).hash);
}

void TstAuditTrail::detectsAnEditedField()
{
    tamper({QStringLiteral("UPDATE audit SET detail = '0 → 0 (row 3)' WHERE seq = 3")});
    const AuditVerification result = verify();
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, 3);
    QCOMPARE(result.rowsChecked, 2);
    QCOMPARE(result.reason, QStringLiteral("seq 3: hash mismatch (the row was changed)"));
}

void TstAuditTrail::detectsADeletedMiddleRow()
{
    tamper({QStringLiteral("DELETE FROM audit WHERE seq = 3")});
    const AuditVerification result = verify();
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, 3);
    QCOMPARE(result.reason, QStringLiteral("seq 3: missing (the row was deleted)"));
}

void TstAuditTrail::detectsADeletedLastRow()
{
    tamper({QStringLiteral("DELETE FROM audit WHERE seq >= 5")});
    const AuditVerification result = verify();
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, 5);
    QCOMPARE(result.rowsChecked, 4);
    QCOMPARE(result.reason, QStringLiteral("seq 5: missing: the trail ends at seq 4 but the head "
                                           "file records seq 6 (the last rows were deleted)"));

    // The next append does not hide it: the head stays ahead until the trail passes it, and
    // the row then at its seq has another hash.
    QString error;
    QVERIFY(m_trail->append(entry(7), &error));
    QCOMPARE(verify().firstBadSeq, 6);
    QVERIFY(m_trail->append(entry(8), &error));
    const AuditVerification later = verify();
    QVERIFY(!later.ok);
    QCOMPARE(later.firstBadSeq, 6);
    QVERIFY2(later.reason.contains(QStringLiteral("does not match the audit head file")),
             qPrintable(later.reason));
}

void TstAuditTrail::recordsAMissingHeadFileInTheTrail()
{
    tamper({QStringLiteral("DELETE FROM audit WHERE seq = 6")});
    QVERIFY(QFile::remove(headPath()));
    const AuditVerification result = verify();
    QVERIFY(!result.ok);
    QVERIFY2(result.reason.contains(QStringLiteral("audit head file")) &&
                 result.reason.contains(QStringLiteral("is missing")),
             qPrintable(result.reason));

    // A writer that finds the head gone says so in the trail before its own row.
    AuditTrail writer(m_connection->database(), true, m_key, headPath(), m_clock.get());
    QString error;
    const std::optional<AuditRow> row = writer.append(entry(9), &error);
    QVERIFY2(row, qPrintable(error));
    QCOMPARE(row->seq, 7);
    const AuditRow note = stored(6);
    QCOMPARE(note.entry.action, QStringLiteral("audit.head"));
    QCOMPARE(note.entry.result, QStringLiteral("failed"));
    QCOMPARE(note.entry.detail,
             QStringLiteral("the head file was missing while the trail had 5 rows; recreated"));
    QVERIFY(verify().ok);

    // The same writer notices when the head goes again while it runs.
    QVERIFY(QFile::remove(headPath()));
    QVERIFY(writer.append(entry(10), &error));
    QCOMPARE(stored(8).entry.action, QStringLiteral("audit.head"));
    QCOMPARE(stored(9).entry.target, QStringLiteral("P1010.CMD"));
    QVERIFY(verify().ok);
}

void TstAuditTrail::detectsAnInsertedRowAtTheEnd()
{
    // A well-formed row chained to the last one, sealed with a key of the intruder's own.
    const AuditRow last = stored(kRows);
    const AuditEntry fake{last.entry.timeMs + 1, "mallory", "user.add", "mallory", "admin", "ok"};
    const AuditRow forged = AuditChain::seal(last.hash, kRows + 1, fake, QByteArray(32, 'x'));
    tamper({QStringLiteral("INSERT INTO audit VALUES (%1, %2, 'mallory', 'user.add', 'mallory', "
                           "'admin', 'ok', '%3', '%4', '%5')")
                .arg(forged.seq)
                .arg(fake.timeMs)
                .arg(forged.prevHash, forged.hash, forged.hmac)});
    const AuditVerification result = verify();
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, kRows + 1);
    QCOMPARE(result.reason,
             QStringLiteral("seq 7: HMAC mismatch (the row was not sealed with this audit key)"));
}

void TstAuditTrail::detectsAnInsertedRowInTheMiddle()
{
    QStringList shift;
    for (int seq = kRows; seq >= 4; --seq)
        shift.append(
            QStringLiteral("UPDATE audit SET seq = %1 WHERE seq = %2").arg(seq + 1).arg(seq));
    const AuditRow before = stored(3);
    const AuditEntry fake{
        before.entry.timeMs + 1, "mallory", "user.role", "mallory", "admin", "ok"};
    const QString hash = AuditChain::hash(before.hash, 4, fake);
    shift.append(QStringLiteral("INSERT INTO audit VALUES (4, %1, 'mallory', 'user.role', "
                                "'mallory', 'admin', 'ok', '%2', '%3', '%4')")
                     .arg(fake.timeMs)
                     .arg(before.hash, hash, AuditChain::hmac("guessed", hash)));
    tamper(shift);
    const AuditVerification result = verify();
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, 4);
    QVERIFY2(result.reason.contains(QStringLiteral("HMAC mismatch")), qPrintable(result.reason));
}

void TstAuditTrail::detectsSwappedRows()
{
    // Rows 2 and 4 trade everything but their seq: each is a valid row, in the wrong place.
    const QString columns =
        QStringLiteral("time_ms, user_name, action, target, detail, result, prev_hash, hash, hmac");
    tamper({QStringLiteral("CREATE TEMP TABLE keep AS SELECT * FROM audit WHERE seq IN (2, 4)"),
            QStringLiteral("UPDATE audit SET (%1) = (SELECT %1 FROM keep WHERE keep.seq = 6 - "
                           "audit.seq) WHERE seq IN (2, 4)")
                .arg(columns)});
    QCOMPARE(stored(2).entry.target, QStringLiteral("P104.CMD"));
    const AuditVerification result = verify();
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, 2);
    QVERIFY2(result.reason.contains(QStringLiteral("prev_hash does not match")),
             qPrintable(result.reason));

    // Swapping only the visible fields breaks the row's own hash instead.
    cleanup();
    init();
    tamper({QStringLiteral("CREATE TEMP TABLE keep AS SELECT * FROM audit WHERE seq IN (2, 4)"),
            QStringLiteral("UPDATE audit SET (target, detail) = (SELECT target, detail FROM keep "
                           "WHERE keep.seq = 6 - audit.seq) WHERE seq IN (2, 4)")});
    QCOMPARE(verify().firstBadSeq, 2);
    QVERIFY(verify().reason.contains(QStringLiteral("hash mismatch")));
}

void TstAuditTrail::detectsAWrongKey()
{
    const AuditVerification result = verify(QByteArray(32, '\x01'));
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, 1);
    QCOMPARE(result.reason,
             QStringLiteral("seq 1: HMAC mismatch (the row was not sealed with this audit key)"));
}

void TstAuditTrail::acceptsAHeadFileThatIsBehind()
{
    // An append interrupted between its commit and the head file, or one in flight while the
    // verifier reads: the head is behind, the rows after it verify on their own.
    QFile file(headPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray head = file.readAll();
    file.close();
    QString error;
    QVERIFY(m_trail->append(entry(7), &error));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(head);
    file.close();
    const AuditVerification result = verify();
    QVERIFY2(result.ok, qPrintable(result.reason));
    QCOMPARE(result.rowsChecked, kRows + 1);
}

void TstAuditTrail::twoWritersNeverForkTheChain()
{
    constexpr int kEach = 40;
    const auto writer = [this](int id) {
        JournalConnection c(*HistoryUrl::parse(QStringLiteral("sqlite:") + dbPath()),
                            JournalConnection::Role::Writer);
        QString error;
        if (!c.open(&error))
            return error;
        AuditTrail trail(c.database(), true, m_key, headPath(), m_clock.get());
        for (int i = 0; i < kEach; ++i) {
            if (!trail.append({0, QStringLiteral("writer%1").arg(id), "user.add", "x", "", "ok"},
                              &error))
                return error;
        }
        return QString();
    };
    QString errors[2];
    std::thread a([&] { errors[0] = writer(1); });
    std::thread b([&] { errors[1] = writer(2); });
    a.join();
    b.join();
    QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0]));
    QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1]));
    const AuditVerification result = verify();
    QVERIFY2(result.ok, qPrintable(result.reason));
    QCOMPARE(result.rowsChecked, kRows + 2 * kEach);
    QString error;
    QCOMPARE(AuditHeadFile(headPath()).read(&error)->seq, kRows + 2 * kEach);
}

void TstAuditTrail::keyFileIsPrivateAndStable()
{
    QCOMPARE(QFile(keyPath()).size(), 32);
    QCOMPARE(mode(keyPath()), 0600);
    QCOMPARE(mode(QFileInfo(keyPath()).absolutePath()), 0700);
    QCOMPARE(mode(dbPath()), 0600);
    QCOMPARE(mode(headPath()), 0600);
    QString error;
    QCOMPARE(AuditKey::loadOrCreate(keyPath(), &error), m_key);
    QCOMPARE(AuditKey::load(keyPath(), &error), m_key);
    const QString other = m_dir->filePath(QStringLiteral("other/audit.key"));
    const std::optional<QByteArray> second = AuditKey::loadOrCreate(other, &error);
    QVERIFY2(second, qPrintable(error));
    QVERIFY(*second != m_key);
}

void TstAuditTrail::refusesAnUnsafeKeyFile()
{
    QString error;
    QVERIFY(
        QFile::setPermissions(keyPath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
    QVERIFY(!AuditKey::load(keyPath(), &error));
    QCOMPARE(error, QStringLiteral("audit key %1 may be read by other users (mode 0640): refusing "
                                   "it; make it private with chmod 600")
                        .arg(keyPath()));
    QVERIFY(!AuditKey::loadOrCreate(keyPath(), &error));

    QVERIFY(QFile::setPermissions(keyPath(), QFile::ReadOwner | QFile::WriteOwner));
    QFile file(keyPath());
    QVERIFY(file.open(QIODevice::Append));
    file.write("x");
    file.close();
    QVERIFY(!AuditKey::loadOrCreate(keyPath(), &error));
    QCOMPARE(error, QStringLiteral("audit key %1 has 33 bytes, expected 32: it is not Vigil's key")
                        .arg(keyPath()));

    const QString missing = m_dir->filePath(QStringLiteral("nothing/audit.key"));
    QVERIFY(!AuditKey::load(missing, &error));
    QVERIFY2(error.startsWith(QStringLiteral("audit key %1: ").arg(missing)), qPrintable(error));
}

void TstAuditTrail::pagesNewestFirstWithFilters()
{
    const AuditStore &store = m_trail->store();
    QString error;
    AuditFilter filter;
    filter.pageSize = 4;
    std::optional<QList<AuditRecord>> page = store.page(filter, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->size(), 4);
    QCOMPARE(page->first().seq, 6);
    QCOMPARE(page->last().seq, 3);
    filter.beforeSeq = page->last().seq;
    page = store.page(filter, &error);
    QCOMPARE(page->size(), 2);
    QCOMPARE(page->first().seq, 2);

    filter = AuditFilter();
    filter.actionPrefix = QStringLiteral("command.");
    page = store.page(filter, &error);
    QCOMPARE(page->size(), 3);
    for (const AuditRecord &r : *page)
        QCOMPARE(r.action, QStringLiteral("command.operate"));

    filter = AuditFilter();
    filter.text = QStringLiteral("p103");
    page = store.page(filter, &error);
    QCOMPARE(page->size(), 1);
    QCOMPARE(page->first().target, QStringLiteral("P103.CMD"));

    filter = AuditFilter();
    filter.text = QStringLiteral("%");
    QCOMPARE(store.page(filter, &error)->size(), 0);

    filter = AuditFilter();
    filter.user = QStringLiteral("bob");
    QCOMPARE(store.page(filter, &error)->size(), 0);
    filter.user = QStringLiteral("alice");
    filter.fromMs = 1'700'000'002'000;
    filter.toMs = 1'700'000'004'000;
    page = store.page(filter, &error);
    QCOMPARE(page->size(), 2);
    QCOMPARE(page->first().seq, 3);

    filter.pageSize = 0;
    QVERIFY(!store.page(filter, &error));
    QCOMPARE(error, QStringLiteral("audit page size must be 1 to 1000 (got 0)"));
}

QTEST_GUILESS_MAIN(TstAuditTrail)
#include "tst_audittrail.moc"
