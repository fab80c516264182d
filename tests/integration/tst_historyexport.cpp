// `vigil export history` as run from a shell: the machine profile read back by Python's csv
// module, the spreadsheet profile read back under a de_DE locale (';', decimal comma, local
// time, BOM), a million rows in constant memory with progress on the terminal, clear errors, and
// each export in the audit trail of journal.db as the command line's user.

#include "history/historian.h"
#include "history/historyconnection.h"
#include "history/historyschema.h"
#include "historytesting.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <pwd.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace vigil;
using vigil::testing::change;

class TstHistoryExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void machineProfileReadsBackExactly();
    void spreadsheetProfileReadsBackUnderGerman();
    void millionRowsInConstantMemory();
    void badArgumentsAreExplained();
    void eachExportIsAudited();

private:
    struct Run {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run vigil(const QStringList &args, const QStringList &env = {});
    Run run(const QStringList &args, const QStringList &env = {});
    struct AuditRow {
        QString user, action, target, detail, result;
    };
    AuditRow lastAudit();
    QJsonArray readWithPython(const QString &path, const QString &delimiter);
    static double value(qint64 t) { return double(t % 100'000) / 16.0 - 1000.0; }

    QTemporaryDir m_dir;
    QString m_plant;
    static constexpr qint64 kT0 = 1'700'000'000'000; // 2023-11-14T22:13:20Z
    static constexpr int kBulk = 1'000'000;
};

void TstHistoryExport::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY2(QFile::exists(QStringLiteral(VIGIL_BINARY)), "the vigil binary is not built");
    QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/python3")),
             "/usr/bin/python3 (Debian's python3) is needed to read the CSV back");
    m_plant = m_dir.filePath(QStringLiteral("plant.toml"));
    QFile plant(m_plant);
    QVERIFY(plant.open(QIODevice::WriteOnly));
    plant.write(QStringLiteral(R"([plant]
name = "Export test"
[settings]
data_dir = "%1/data"
history_url = "sqlite:%1/history.db"
[[devices]]
id = "d"
driver = "sim"
[[tags]]
id = "FLOW"
device = "d"
address = "random:lo=0,hi=10"
type = "float64"
unit = "m³/h"
range = [0, 10]
[[tags]]
id = "TEMP"
device = "d"
address = "sine:period=1m,lo=0,hi=10"
type = "float32"
unit = "°C"
range = [0, 10]
[[tags]]
id = "MODE"
device = "d"
address = "text:value=AUTO"
type = "string"
[[tags]]
id = "BULK"
device = "d"
address = "random:lo=0,hi=10"
type = "float64"
unit = "m"
range = [0, 10]
)")
                    .arg(m_dir.path())
                    .toUtf8());
    plant.close();

    std::vector<TagDefinition> defs(4);
    defs[0].id = QStringLiteral("FLOW");
    defs[1].id = QStringLiteral("TEMP");
    defs[1].type = DataType::Float32;
    defs[2].id = QStringLiteral("MODE");
    defs[2].type = DataType::String;
    defs[3].id = QStringLiteral("BULK");
    ManualClock clock(kT0);
    HistorianOptions o;
    o.url = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("history.db"));
    o.config.heartbeatMs = 0;
    Historian h(o, vigil::testing::makeTags(std::move(defs)), clock);
    h.start();
    QTRY_COMPARE(h.state(), HistorianState::Recording);
    ChangeSet set;
    for (int i = 0; i < 100; ++i) {
        const qint64 t = kT0 + i * 1000;
        set.append(
            change(0, t, value(t) + 1.0 / 3.0, i == 50 ? Quality::CommError : Quality::Good));
        set.append(change(1, t + 250, double(float(value(t) / 7.0)), Quality::Stale));
        if (i % 25 == 0) {
            TagChange c = change(2, t + 1, 0);
            c.text = i == 25 ? QStringLiteral("=HYPERLINK(\"x\";\"y\")")
                             : QStringLiteral("AUTO; \"quoted\"");
            set.append(c);
        }
    }
    h.record(set);
    for (int chunk = 0; chunk < kBulk; chunk += 100'000) {
        ChangeSet bulk;
        for (int i = chunk; i < chunk + 100'000; ++i)
            bulk.append(change(3, kT0 + 86'400'000 + i * 50LL, value(i * 13)));
        h.record(bulk);
    }
    QVERIFY(h.flush());
    h.stop();
}

TstHistoryExport::Run TstHistoryExport::vigil(const QStringList &args, const QStringList &env)
{
    return run(QStringList{QStringLiteral("export"), QStringLiteral("history"),
                           QStringLiteral("--config"), m_plant} +
                   args,
               env);
}

TstHistoryExport::Run TstHistoryExport::run(const QStringList &args, const QStringList &env)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    e.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    for (const QString &kv : env)
        e.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(VIGIL_BINARY), args);
    Run r;
    if (!p.waitForFinished(60'000))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Parses a CSV file with Python's csv module (utf-8-sig strips a BOM) into a JSON array of rows.
QJsonArray TstHistoryExport::readWithPython(const QString &path, const QString &delimiter)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import csv, json, sys\n"
                            "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
                            "    print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2]))))\n"),
             path, delimiter});
    if (!p.waitForFinished(30'000) || p.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(p.readAllStandardOutput()).array();
}

void TstHistoryExport::machineProfileReadsBackExactly()
{
    const QString out = m_dir.filePath(QStringLiteral("machine.csv"));
    const Run r =
        vigil({QStringLiteral("--tags"), QStringLiteral("FLOW,TEMP,MODE"), QStringLiteral("--from"),
               QStringLiteral("2023-11-14T22:13:20Z"), QStringLiteral("--to"),
               QStringLiteral("2023-11-14T22:14:59.999Z"), QStringLiteral("--out"), out});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(r.out.contains("exported 204 rows of 3 tags (machine profile)"));
    QFile raw(out);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    QVERIFY(!raw.peek(3).startsWith("\xEF\xBB\xBF"));
    const QJsonArray rows = readWithPython(out, QStringLiteral(","));
    QCOMPARE(rows.size(), 205);
    QCOMPARE(rows[0].toArray().toVariantList(),
             QVariantList({"time", "tag", "value", "unit", "quality"}));
    int flow = 0, mode = 0;
    for (int i = 1; i < rows.size(); ++i) {
        const QJsonArray row = rows[i].toArray();
        const qint64 t =
            QDateTime::fromString(row[0].toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        QVERIFY(row[0].toString().endsWith(u'Z'));
        if (row[1].toString() == u"FLOW") {
            ++flow;
            QCOMPARE(row[2].toString().toDouble(), value(t) + 1.0 / 3.0); // exact round trip
            QCOMPARE(row[3].toString(), QStringLiteral("m³/h"));
            QCOMPARE(row[4].toString(),
                     t == kT0 + 50'000 ? QStringLiteral("Bad/CommError") : QStringLiteral("Good"));
        } else if (row[1].toString() == u"MODE") {
            ++mode;
            if (t == kT0 + 25'001)
                QCOMPARE(row[2].toString(), QStringLiteral("'=HYPERLINK(\"x\";\"y\")"));
            else
                QCOMPARE(row[2].toString(), QStringLiteral("AUTO; \"quoted\""));
        } else {
            QCOMPARE(row[4].toString(), QStringLiteral("Uncertain/Stale"));
        }
    }
    QCOMPARE(flow, 100);
    QCOMPARE(mode, 4);
}

void TstHistoryExport::spreadsheetProfileReadsBackUnderGerman()
{
    const QString out = m_dir.filePath(QStringLiteral("tabelle.csv"));
    const Run r = vigil({QStringLiteral("--tags"), QStringLiteral("FLOW"), QStringLiteral("--from"),
                         QStringLiteral("2023-11-14 23:13:20"), QStringLiteral("--to"),
                         QStringLiteral("2023-11-14 23:13:29"), QStringLiteral("--profile"),
                         QStringLiteral("spreadsheet"), QStringLiteral("--out"), out},
                        {QStringLiteral("LC_ALL=de_DE.UTF-8"), QStringLiteral("TZ=Europe/Berlin")});
    QVERIFY2(r.code == 0, r.err.constData());
    QFile raw(out);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    QVERIFY2(raw.peek(3) == "\xEF\xBB\xBF", "the spreadsheet profile starts with a BOM");
    const QJsonArray rows = readWithPython(out, QStringLiteral(";"));
    QCOMPARE(rows.size(), 11); // local 23:13:20 .. 23:13:29 in Berlin = 22:13:20Z .. 22:13:29Z
    const QLocale german(QLocale::German, QLocale::Germany);
    const QTimeZone berlin("Europe/Berlin");
    for (int i = 1; i < rows.size(); ++i) {
        const QJsonArray row = rows[i].toArray();
        QCOMPARE(row.size(), 5);
        QDateTime local =
            QDateTime::fromString(row[0].toString(), QStringLiteral("yyyy-MM-dd HH:mm:ss,zzz"));
        QVERIFY2(local.isValid(), qPrintable(row[0].toString()));
        local.setTimeZone(berlin);
        const qint64 t = local.toMSecsSinceEpoch();
        QCOMPARE(t, kT0 + (i - 1) * 1000);
        bool ok = false;
        const double v = german.toDouble(row[2].toString(), &ok);
        QVERIFY2(ok, qPrintable(row[2].toString()));
        QCOMPARE(v, value(t) + 1.0 / 3.0);
        QVERIFY(row[2].toString().contains(u','));
    }
}

void TstHistoryExport::millionRowsInConstantMemory()
{
    // A small export first: its peak memory is the baseline (RUSAGE_CHILDREN keeps the largest).
    const QString small = m_dir.filePath(QStringLiteral("small.csv"));
    Run r = vigil({QStringLiteral("--tags"), QStringLiteral("BULK"), QStringLiteral("--from"),
                   QStringLiteral("2023-11-15T22:13:20Z"), QStringLiteral("--to"),
                   QStringLiteral("2023-11-15T22:13:30Z"), QStringLiteral("--out"), small});
    QVERIFY2(r.code == 0, r.err.constData());
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const long baselineKb = usage.ru_maxrss;

    const QString big = m_dir.filePath(QStringLiteral("big.csv"));
    r = vigil({QStringLiteral("--tags"), QStringLiteral("BULK"), QStringLiteral("--from"),
               QStringLiteral("2023-11-15T00:00:00Z"), QStringLiteral("--to"),
               QStringLiteral("2023-11-17T00:00:00Z"), QStringLiteral("--out"), big});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(r.out.contains("exported 1000000 rows"));
    QVERIFY2(r.err.contains("exporting: "), "progress is shown on the terminal");
    getrusage(RUSAGE_CHILDREN, &usage);
    const long bigKb = usage.ru_maxrss;
    qInfo("peak memory: %ld KiB for 10 rows, %ld KiB for 1,000,000 rows (%lld MB file)", baselineKb,
          bigKb, QFileInfo(big).size() / 1'000'000);
    QVERIFY2(bigKb - baselineKb < 16 * 1024, "memory grows with the number of rows");
    QFile f(big);
    QVERIFY(f.open(QIODevice::ReadOnly));
    qint64 lines = 0;
    while (!f.atEnd()) {
        const QByteArray block = f.read(1 << 20);
        lines += block.count('\n');
    }
    QCOMPARE(lines, kBulk + 1);
}

void TstHistoryExport::badArgumentsAreExplained()
{
    const QString out = m_dir.filePath(QStringLiteral("never.csv"));
    Run r = vigil({QStringLiteral("--tags"), QStringLiteral("NOPE*"), QStringLiteral("--from"),
                   QStringLiteral("-1h"), QStringLiteral("--out"), out});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("no tag matches 'NOPE*'"));
    r = vigil({QStringLiteral("--tags"), QStringLiteral("FLOW"), QStringLiteral("--from"),
               QStringLiteral("last tuesday"), QStringLiteral("--out"), out});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("cannot read the time 'last tuesday'"));
    r = vigil({QStringLiteral("--tags"), QStringLiteral("FLOW"), QStringLiteral("--from"),
               QStringLiteral("-1h")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("needs --out"));
    r = vigil({QStringLiteral("--tags"), QStringLiteral("FLOW"), QStringLiteral("--from"),
               QStringLiteral("-1h"), QStringLiteral("--profile"), QStringLiteral("excel"),
               QStringLiteral("--out"), out});
    QCOMPARE(r.code, 2);
    QVERIFY(!QFile::exists(out));

    // A database of an older schema (here version 1: minute rollups) is not misread.
    const QString old = m_dir.filePath(QStringLiteral("old.db"));
    {
        HistoryConnection c(*HistoryUrl::parse(QStringLiteral("sqlite:") + old),
                            HistoryConnection::Role::Writer);
        QString error;
        QVERIFY2(c.open(&error), qPrintable(error));
        QSqlDatabase db = c.database();
        QVERIFY2(HistorySchema::migrate(db, true, &error, 1), qPrintable(error));
    }
    r = vigil({QStringLiteral("--tags"), QStringLiteral("FLOW"), QStringLiteral("--from"),
               QStringLiteral("-1h"), QStringLiteral("--out"), out},
              {QStringLiteral("VIGIL_HISTORY_URL=sqlite:") + old});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("has schema version 1, this Vigil reads version"), r.err);
    QVERIFY2(r.err.contains("migrated when this Vigil starts recording"), r.err);
    QVERIFY(!QFile::exists(out));
}

// The newest row of the audit trail in the plant's journal.db.
TstHistoryExport::AuditRow TstHistoryExport::lastAudit()
{
    AuditRow row;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("a"));
        db.setDatabaseName(m_dir.filePath(QStringLiteral("data/journal.db")));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery q(db);
        if (db.open() &&
            q.exec(QStringLiteral("SELECT user_name, action, target, detail, result FROM audit "
                                  "ORDER BY seq DESC LIMIT 1")) &&
            q.next())
            row = {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                   q.value(3).toString(), q.value(4).toString()};
    }
    QSqlDatabase::removeDatabase(QStringLiteral("a"));
    return row;
}

void TstHistoryExport::eachExportIsAudited()
{
    const QStringList flow{QStringLiteral("--tags"), QStringLiteral("FLOW"),
                           QStringLiteral("--from"), QStringLiteral("2023-11-14T22:13:20Z"),
                           QStringLiteral("--to"),   QStringLiteral("2023-11-14T22:13:29Z"),
                           QStringLiteral("--out")};
    // Before the panel ever ran there is no journal.db: the export is written all the same, with
    // a warning that it leaves no trace.
    const QString unaudited = m_dir.filePath(QStringLiteral("unaudited.csv"));
    Run r = vigil(flow + QStringList{unaudited});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(QFile::exists(unaudited));
    QVERIFY2(r.err.contains("no journal database at"), r.err.constData());
    QVERIFY2(
        r.err.contains("warning: the audit trail cannot be opened: this export is not audited"),
        r.err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("data/journal.db"))));

    // journal.db as the user commands make it.
    r = run({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--config"), m_plant});
    QVERIFY2(r.code == 0, r.err.constData());

    const QString out = m_dir.filePath(QStringLiteral("audited.csv"));
    r = vigil(flow + QStringList{out});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(!r.err.contains("audit"), r.err.constData());
    const passwd *pw = ::getpwuid(::geteuid());
    const char *login = ::getlogin();
    const QString user = QStringLiteral("cli:") + QString::fromLocal8Bit(login && *login ? login
                                                                         : pw ? pw->pw_name
                                                                              : "");
    AuditRow row = lastAudit();
    QCOMPARE(row.action, QStringLiteral("export.history"));
    QCOMPARE(row.user, user);
    QCOMPARE(QFileInfo(row.target).canonicalFilePath(), QFileInfo(out).canonicalFilePath());
    QCOMPARE(row.result, QStringLiteral("ok"));
    QCOMPARE(row.detail, QStringLiteral("tags FLOW; 2023-11-14T22:13:20Z to 2023-11-14T22:13:29Z; "
                                        "machine profile; 10 rows"));

    // A failed export is recorded with why.
    const QString blocked = m_dir.filePath(QStringLiteral("audited.csv/inside.csv"));
    r = vigil(flow + QStringList{blocked});
    QCOMPARE(r.code, 1);
    row = lastAudit();
    QCOMPARE(row.action, QStringLiteral("export.history"));
    QCOMPARE(row.result, QStringLiteral("failed"));
    QCOMPARE(row.target, blocked);
    QVERIFY2(row.detail.startsWith(u"tags FLOW; ") && row.detail.contains(u"; 0 rows; "),
             qPrintable(row.detail));

    // The chain still holds.
    r = run(
        {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--config"), m_plant});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(r.out.contains("audit trail OK: 2 rows checked"), r.out.constData());
}

QTEST_GUILESS_MAIN(TstHistoryExport)
#include "tst_historyexport.moc"
