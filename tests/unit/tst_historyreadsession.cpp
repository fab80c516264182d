// HistoryReadSession: the one way readers (vigil export, the trend page's export, vigil-sim's
// backfill check) open history. It refuses a database of another schema version with a message
// that names the database and both versions, tells an empty or missing database apart from a
// failure, and the trend page's export goes through it.

#include "history/historian.h"
#include "history/historyconnection.h"
#include "history/historyreadsession.h"
#include "history/historyschema.h"
#include "historytesting.h"
#include "metatypes.h"
#include "trendexportjob.h"
#include "util/manualclock.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using vigil::testing::change;

class TstHistoryReadSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void opensARecordedDatabase();
    void missingOrEmptyDatabaseIsEmpty();
    void refusesAnotherSchemaVersion_data();
    void refusesAnotherSchemaVersion();
    void badUrlIsAFailureWithoutPassword();
    void trendExportRefusesAnotherSchemaVersion();

private:
    QString record(const QString &name);
    static void setVersion(const QString &url, int version);

    QTemporaryDir m_dir;
    std::shared_ptr<const TagDirectory> m_tags = vigil::testing::makeTags({QStringLiteral("A")});
    static constexpr qint64 kT0 = 1'700'000'000'000;
};

void TstHistoryReadSession::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY(m_dir.isValid());
}

QString TstHistoryReadSession::record(const QString &name)
{
    ManualClock clock(kT0);
    HistorianOptions o;
    o.url = QStringLiteral("sqlite:") + m_dir.filePath(name);
    o.config.heartbeatMs = 0;
    Historian h(o, m_tags, clock);
    h.start();
    if (!QTest::qWaitFor([&] { return h.state() == HistorianState::Recording; }, 10'000))
        return QString();
    ChangeSet set;
    for (int i = 0; i < 10; ++i)
        set.append(change(0, kT0 + i * 1000, i));
    h.record(set);
    h.flush();
    h.stop();
    return o.url;
}

void TstHistoryReadSession::setVersion(const QString &url, int version)
{
    HistoryConnection c(*HistoryUrl::parse(url), HistoryConnection::Role::Writer);
    QString error;
    QVERIFY2(c.open(&error), qPrintable(error));
    QSqlQuery q(c.database());
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)));
}

void TstHistoryReadSession::opensARecordedDatabase()
{
    const QString url = record(QStringLiteral("ok.db"));
    QVERIFY(!url.isEmpty());
    HistoryReadSession session;
    QCOMPARE(session.open(url), HistoryReadSession::Status::Ready);
    HistorySamples samples;
    QVERIFY2(session.reader().raw(QStringLiteral("A"), kT0, kT0 + 60'000, samples),
             qPrintable(session.reader().lastError()));
    QCOMPARE(samples.size(), qsizetype(10));
}

void TstHistoryReadSession::missingOrEmptyDatabaseIsEmpty()
{
    HistoryReadSession session;
    const QString missing = m_dir.filePath(QStringLiteral("missing.db"));
    QCOMPARE(session.open(QStringLiteral("sqlite:") + missing), HistoryReadSession::Status::Empty);
    QVERIFY2(session.error().contains(missing), qPrintable(session.error()));

    const QString empty = m_dir.filePath(QStringLiteral("empty.db"));
    QFile file(empty);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QCOMPARE(session.open(QStringLiteral("sqlite:") + empty), HistoryReadSession::Status::Empty);
    QVERIFY2(session.error().contains(u"no history yet"), qPrintable(session.error()));
}

void TstHistoryReadSession::refusesAnotherSchemaVersion_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("says");
    QTest::newRow("newer") << HistorySchema::latestVersion() + 1 << QStringLiteral("newer");
    if (HistorySchema::latestVersion() > 1)
        QTest::newRow("older") << HistorySchema::latestVersion() - 1
                               << QStringLiteral("migrated when this Vigil starts");
}

void TstHistoryReadSession::refusesAnotherSchemaVersion()
{
    QFETCH(int, version);
    QFETCH(QString, says);
    const QString url = record(QStringLiteral("v%1.db").arg(version));
    QVERIFY(!url.isEmpty());
    setVersion(url, version);
    HistoryReadSession session;
    QCOMPARE(session.open(url), HistoryReadSession::Status::Failed);
    const QString error = session.error();
    QVERIFY2(error.contains(url.mid(7)), qPrintable(error)); // names the database
    QVERIFY2(error.contains(QStringLiteral("schema version %1").arg(version)), qPrintable(error));
    QVERIFY2(error.contains(says), qPrintable(error));
}

void TstHistoryReadSession::badUrlIsAFailureWithoutPassword()
{
    HistoryReadSession session;
    QCOMPARE(session.open(QStringLiteral("mysql://vigil:s3cret@db/history")),
             HistoryReadSession::Status::Failed);
    QVERIFY2(session.error().contains(u"mysql://vigil:***@db/history"),
             qPrintable(session.error()));
    QVERIFY(!session.error().contains(u"s3cret"));
}

void TstHistoryReadSession::trendExportRefusesAnotherSchemaVersion()
{
    const QString url = record(QStringLiteral("trend.db"));
    QVERIFY(!url.isEmpty());
    setVersion(url, HistorySchema::latestVersion() + 1);
    TrendExportJob job(url, nullptr, m_tags);
    QSignalSpy finished(&job, &TrendExportJob::finished);
    HistoryExportRequest request;
    request.tags = {QStringLiteral("A")};
    request.from = kT0;
    request.to = kT0 + 60'000;
    request.directory = m_dir.filePath(QStringLiteral("exports"));
    request.fileName = QStringLiteral("trend.csv");
    QVERIFY(job.start(request, QString()));
    QVERIFY(finished.wait(10'000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    const QString error = finished.first().at(3).toString();
    QVERIFY2(
        error.contains(QStringLiteral("schema version %1").arg(HistorySchema::latestVersion() + 1)),
        qPrintable(error));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("exports/trend.csv"))));
}

QTEST_GUILESS_MAIN(TstHistoryReadSession)
#include "tst_historyreadsession.moc"
