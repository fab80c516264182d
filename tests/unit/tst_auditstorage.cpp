// Keeping the audit trail: the key file's rules (private, stable, an unsafe one refused), two
// writers appending at once without forking the chain, and the Audit page's queries. Fixture:
// tests/support/audittesting.h.

#include "audittesting.h"

#include <thread>

using namespace vigil;
using namespace vigil::testing;

class TstAuditStorage : public QObject, private AuditTrailFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void twoWritersNeverForkTheChain();
    void keyFileIsPrivateAndStable();
    void refusesAnUnsafeKeyFile();
    void pagesNewestFirstWithFilters();
};

void TstAuditStorage::twoWritersNeverForkTheChain()
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
    QCOMPARE(result.rowsChecked, kAuditRows + 2 * kEach);
    QString error;
    QCOMPARE(AuditHeadFile(headPath()).read(&error)->seq, kAuditRows + 2 * kEach);
}

void TstAuditStorage::keyFileIsPrivateAndStable()
{
    QCOMPARE(QFile(keyPath()).size(), 32);
    QCOMPARE(fileMode(keyPath()), 0600);
    QCOMPARE(fileMode(QFileInfo(keyPath()).absolutePath()), 0700);
    QCOMPARE(fileMode(dbPath()), 0600);
    QCOMPARE(fileMode(headPath()), 0600);
    QString error;
    QCOMPARE(AuditKey::loadOrCreate(keyPath(), &error), m_key);
    QCOMPARE(AuditKey::load(keyPath(), &error), m_key);
    const QString other = m_dir->filePath(QStringLiteral("other/audit.key"));
    const std::optional<QByteArray> second = AuditKey::loadOrCreate(other, &error);
    QVERIFY2(second, qPrintable(error));
    QVERIFY(*second != m_key);
}

void TstAuditStorage::refusesAnUnsafeKeyFile()
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

void TstAuditStorage::pagesNewestFirstWithFilters()
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

QTEST_GUILESS_MAIN(TstAuditStorage)
#include "tst_auditstorage.moc"
