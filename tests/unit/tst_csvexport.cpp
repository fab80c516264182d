#include "export/csvprofile.h"
#include "export/csvwriter.h"
#include "export/exportpath.h"
#include "export/historyexporter.h"
#include "export/timeexpression.h"
#include "history/historian.h"
#include "history/historyconnection.h"
#include "history/historyreader.h"
#include "historytesting.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using vigil::testing::change;

class TstCsvExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { registerCoreMetaTypes(); }
    void fieldsAreQuotedPerRfc4180();
    void formulasAreNeutralised();
    void machineProfile();
    void spreadsheetProfileFollowsTheLocale();
    void outputStaysInTheChosenDirectory();
    void timeExpressions();
    void exporterMergesTagsInTimeOrder();
    void cancelledExportLeavesNoFile();
};

void TstCsvExport::fieldsAreQuotedPerRfc4180()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter csv(buffer, CsvProfile::machine());
    csv.begin();
    csv.text(QStringLiteral("plain"));
    csv.text(QStringLiteral("a,b"));
    csv.text(QStringLiteral("say \"hi\""));
    csv.text(QStringLiteral("two\nlines"));
    csv.text(QString());
    csv.endRow();
    csv.number(1.5);
    csv.endRow();
    QCOMPARE(buffer.data(),
             QByteArray("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n1.5\r\n"));
}

void TstCsvExport::formulasAreNeutralised()
{
    QCOMPARE(CsvWriter::neutralized(QStringLiteral("=SUM(A1)")), QStringLiteral("'=SUM(A1)"));
    QCOMPARE(CsvWriter::neutralized(QStringLiteral("+1")), QStringLiteral("'+1"));
    QCOMPARE(CsvWriter::neutralized(QStringLiteral("-cmd")), QStringLiteral("'-cmd"));
    QCOMPARE(CsvWriter::neutralized(QStringLiteral("@x")), QStringLiteral("'@x"));
    QCOMPARE(CsvWriter::neutralized(QStringLiteral("\tx")), QStringLiteral("'\tx"));
    QCOMPARE(CsvWriter::neutralized(QStringLiteral("AUTO")), QStringLiteral("AUTO"));
    // Numbers stay numbers, negative or not.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter csv(buffer, CsvProfile::machine());
    csv.number(-2.5);
    csv.text(QStringLiteral("-2.5"));
    csv.endRow();
    QCOMPARE(buffer.data(), QByteArray("-2.5,'-2.5\r\n"));
}

void TstCsvExport::machineProfile()
{
    const CsvProfile p = CsvProfile::machine();
    QCOMPARE(p.separator(), u',');
    QVERIFY(!p.byteOrderMark());
    QCOMPARE(p.formatTime(1'700'000'000'123), QStringLiteral("2023-11-14T22:13:20.123Z"));
    QCOMPARE(p.formatNumber(0.1), QStringLiteral("0.1"));
    QCOMPARE(p.formatNumber(48.41969680786133).toDouble(), 48.41969680786133);
    QCOMPARE(p.formatNumber(1e-300).toDouble(), 1e-300);
    QCOMPARE(p.formatNumber(123456789.0), QStringLiteral("123456789"));
    QCOMPARE(p.formatNumber(std::nan("")), QStringLiteral("NaN"));
}

void TstCsvExport::spreadsheetProfileFollowsTheLocale()
{
    const CsvProfile de = CsvProfile::spreadsheet(QLocale(QLocale::German, QLocale::Germany),
                                                  QTimeZone("Europe/Berlin"));
    QCOMPARE(de.separator(), u';');
    QVERIFY(de.byteOrderMark());
    QCOMPARE(de.formatNumber(1234.5), QStringLiteral("1234,5")); // no group separator
    QCOMPARE(de.formatTime(1'700'000'000'123), QStringLiteral("2023-11-14 23:13:20,123"));
    const CsvProfile us = CsvProfile::spreadsheet(QLocale(QLocale::English, QLocale::UnitedStates),
                                                  QTimeZone("America/New_York"));
    QCOMPARE(us.separator(), u',');
    QCOMPARE(us.formatNumber(1234.5), QStringLiteral("1234.5"));
    QCOMPARE(us.formatTime(1'700'000'000'123), QStringLiteral("2023-11-14 17:13:20.123"));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter csv(buffer, de);
    csv.begin();
    csv.text(QStringLiteral("a;b"));
    csv.number(0.5);
    csv.endRow();
    QCOMPARE(buffer.data(), QByteArray("\xEF\xBB\xBF\"a;b\";0,5\r\n"));
}

void TstCsvExport::outputStaysInTheChosenDirectory()
{
    QTemporaryDir dir;
    QString error;
    const QString base = dir.filePath(QStringLiteral("exports"));
    const std::optional<QString> ok =
        ExportPath::resolve(base, QStringLiteral("trend.csv"), &error);
    QVERIFY(ok);
    QCOMPARE(QFileInfo(*ok).absolutePath(), QFileInfo(base).canonicalFilePath());
    for (const QString &bad :
         {QStringLiteral("../escape.csv"), QStringLiteral("sub/x.csv"), QStringLiteral("/etc/x"),
          QStringLiteral("a\\b.csv"), QStringLiteral("x\ny.csv"), QStringLiteral(".."),
          QStringLiteral(""), QStringLiteral("..hidden.csv")}) {
        QVERIFY2(!ExportPath::resolve(base, bad, &error), qPrintable(bad));
        QVERIFY(!error.isEmpty());
    }
    QVERIFY(QFile::link(QStringLiteral("/etc/hostname"), base + QStringLiteral("/link.csv")));
    QVERIFY(!ExportPath::resolve(base, QStringLiteral("link.csv"), &error));
    QVERIFY(error.contains(u"link"));
    QVERIFY(ExportPath::defaultName(QStringLiteral("trend"), 0).startsWith(u"trend_19"));
}

void TstCsvExport::timeExpressions()
{
    const qint64 now = 1'700'000'000'000;
    QCOMPARE(TimeExpression::parse(QStringLiteral("now"), now), now);
    QCOMPARE(TimeExpression::parse(QStringLiteral("-2h"), now), now - 7'200'000);
    QCOMPARE(TimeExpression::parse(QStringLiteral("-7d"), now), now - 7 * 86'400'000LL);
    QCOMPARE(TimeExpression::parse(QStringLiteral("2023-11-14T22:13:20Z"), now), 1'700'000'000'000);
    QCOMPARE(TimeExpression::parse(QStringLiteral("2023-11-14T22:13:20.5Z"), now),
             1'700'000'000'500);
    const QDateTime local(QDate(2024, 1, 5), QTime(13, 0));
    QCOMPARE(TimeExpression::parse(QStringLiteral("2024-01-05 13:00"), now),
             local.toMSecsSinceEpoch());
    QCOMPARE(TimeExpression::parse(QStringLiteral("2024-01-05"), now),
             QDate(2024, 1, 5).startOfDay().toMSecsSinceEpoch());
    QVERIFY(!TimeExpression::parse(QStringLiteral("yesterday"), now));
    QVERIFY(!TimeExpression::parse(QStringLiteral("-2x"), now));
}

namespace
{

struct Filled {
    QTemporaryDir dir;
    std::shared_ptr<const TagDirectory> tags;
    QString url;
};

// A history with three tags (and `bulk` more samples of A); null, with a warning, when the
// historian does not start or does not store them.
std::unique_ptr<Filled> fill(int bulk = 0)
{
    auto f = std::make_unique<Filled>();
    std::vector<TagDefinition> defs(3);
    defs[0].id = QStringLiteral("A");
    defs[0].unit = QStringLiteral("bar");
    defs[1].id = QStringLiteral("B");
    defs[1].unit = QStringLiteral("°C");
    defs[2].id = QStringLiteral("MODE");
    defs[2].type = DataType::String;
    f->tags = vigil::testing::makeTags(std::move(defs));
    f->url = QStringLiteral("sqlite:") + f->dir.filePath(QStringLiteral("h.db"));
    ManualClock clock(1'700'000'000'000);
    HistorianOptions o;
    o.url = f->url;
    o.config.heartbeatMs = 0;
    Historian h(o, f->tags, clock);
    h.start();
    if (!QTest::qWaitFor([&] { return h.state() == HistorianState::Recording; }, 10'000)) {
        qWarning("the historian did not start recording within 10 s");
        return nullptr;
    }
    ChangeSet set;
    for (int i = 0; i < 30; ++i) {
        set.append(change(0, 1'700'000'000'000 + i * 1000, i * 0.5));
        if (i % 3 == 0)
            set.append(change(1, 1'700'000'000'000 + i * 1000 + 500, -i));
        if (i % 10 == 0) {
            TagChange t = change(2, 1'700'000'000'000 + i * 1000 + 1, 0);
            t.text = i == 10 ? QStringLiteral("=cmd|' /C calc'!A0") : QStringLiteral("AUTO");
            set.append(t);
        }
    }
    for (int i = 0; i < bulk; ++i)
        set.append(change(0, 1'700'000'100'000 + i * 10, i));
    h.record(set);
    if (!h.flush()) {
        qWarning("the historian did not store the samples");
        return nullptr;
    }
    h.stop();
    return f;
}

} // namespace

void TstCsvExport::exporterMergesTagsInTimeOrder()
{
    auto f = fill();
    QVERIFY(f);
    HistoryConnection conn(*HistoryUrl::parse(f->url), HistoryConnection::Role::Reader);
    QString error;
    QVERIFY(conn.open(&error));
    HistoryReader reader(conn.database());
    HistoryExporter exporter(reader, *f->tags);
    HistoryExportRequest request;
    request.tags = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("MODE")};
    request.from = 1'700'000'000'000 + 2000;
    request.to = 1'700'000'000'000 + 20'000;
    request.directory = f->dir.filePath(QStringLiteral("out"));
    request.fileName = QStringLiteral("x.csv");
    const HistoryExporter::Result r = exporter.run(request);
    QVERIFY2(r.ok, qPrintable(r.error));
    QFile file(r.path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QStringLiteral("time,tag,value,unit,quality"));
    // A: 2..20 s (19 rows), B: 3.5, 6.5, ..., 18.5 s (6 rows), MODE: 10 s and 20 s... 20 s + 1 ms
    // is after the range end: 1 row.
    QCOMPARE(r.rows, 19 + 6 + 1);
    QCOMPARE(lines.size() - 1, int(r.rows));
    QString previous;
    for (const QString &line : lines.mid(1)) {
        QVERIFY(line.section(u',', 0, 0) >= previous); // ISO times sort as text
        previous = line.section(u',', 0, 0);
    }
    QVERIFY(lines.contains(QStringLiteral("2023-11-14T22:13:23.500Z,B,-3,°C,Good")));
    QVERIFY(
        lines.contains(QStringLiteral("2023-11-14T22:13:30.001Z,MODE,'=cmd|' /C calc'!A0,,Good")));
    QVERIFY(lines.contains(QStringLiteral("2023-11-14T22:13:30.000Z,A,5,bar,Good")));

    request.tags = {QStringLiteral("NOPE")};
    const HistoryExporter::Result unknown = exporter.run(request);
    QVERIFY(!unknown.ok);
    QVERIFY(unknown.error.contains(u"NOPE"));
}

void TstCsvExport::cancelledExportLeavesNoFile()
{
    auto f = fill(20'000);
    QVERIFY(f);
    HistoryConnection conn(*HistoryUrl::parse(f->url), HistoryConnection::Role::Reader);
    QString error;
    QVERIFY(conn.open(&error));
    HistoryReader reader(conn.database());
    HistoryExporter exporter(reader, *f->tags);
    HistoryExportRequest request;
    request.tags = {QStringLiteral("A")};
    request.from = 0;
    request.to = 2'000'000'000'000;
    request.directory = f->dir.path();
    request.fileName = QStringLiteral("cancelled.csv");
    qint64 seen = 0;
    const HistoryExporter::Result r = exporter.run(request, [&](qint64 rows, double fraction) {
        seen = rows;
        Q_UNUSED(fraction)
        return rows < 10'000; // cancel at the second report
    });
    QVERIFY(r.cancelled);
    QVERIFY(!r.ok);
    QCOMPARE(seen, 10'000);
    QVERIFY(!QFile::exists(f->dir.filePath(QStringLiteral("cancelled.csv"))));
    const QStringList left = QDir(f->dir.path()).entryList({QStringLiteral("cancelled*")});
    QVERIFY2(left.isEmpty(), qPrintable(left.join(u' '))); // no temporary file either
    const HistoryExporter::Result full = exporter.run(request);
    QVERIFY(full.ok);
    QCOMPARE(full.rows, 20'030);
}

QTEST_GUILESS_MAIN(TstCsvExport)
#include "tst_csvexport.moc"
