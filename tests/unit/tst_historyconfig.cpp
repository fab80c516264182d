#include "builtindrivers.h"
#include "config/historyconfig.h"
#include "config/historyconfigreader.h"
#include "config/plantloader.h"
#include "driverregistry.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

class TstHistoryConfig : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { registerBuiltinDrivers(m_drivers); }
    void defaultsWithoutAHistoryTable();
    void readsSettingsAndGroups();
    void errorsNameFileLineAndColumn_data();
    void errorsNameFileLineAndColumn();
    void patternsThatMatchNoTagAreWarned();
    void sizes();
    void demoPlantIsValid();

private:
    PlantLoader::Result load(const QString &history);
    DriverRegistry m_drivers;
    QTemporaryDir m_dir;
};

PlantLoader::Result TstHistoryConfig::load(const QString &history)
{
    const QString path = m_dir.filePath(QStringLiteral("plant.toml"));
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(QStringLiteral(R"([plant]
name = "t"
[[devices]]
id = "d"
driver = "sim"
[[tags]]
id = "FT101"
device = "d"
address = "constant:value=1"
type = "float32"
unit = "m3/h"
range = [0, 10]
[[tags]]
id = "FT102"
device = "d"
address = "constant:value=1"
type = "float32"
unit = "m3/h"
range = [0, 10]
[[tags]]
id = "LT101"
device = "d"
address = "constant:value=1"
type = "float32"
unit = "%"
range = [0, 100]
%1)")
                .arg(history)
                .toUtf8());
    f.close();
    return PlantLoader(m_drivers, QProcessEnvironment()).load(path);
}

void TstHistoryConfig::defaultsWithoutAHistoryTable()
{
    const PlantLoader::Result r = load(QString());
    QVERIFY2(r.plant, qPrintable(r.diagnostics.toStringList().join(u'\n')));
    const HistoryConfig &h = r.plant->history;
    QVERIFY(h.record);
    QCOMPARE(h.heartbeatMs, 60'000);
    QCOMPARE(h.retentionMs, 0);
    QCOMPARE(h.maxSizeBytes, 0);
    QCOMPARE(h.queueCapacity, 1'000'000);
    QVERIFY(r.plant->settings.historyUrl().startsWith(u"sqlite:"));
}

void TstHistoryConfig::readsSettingsAndGroups()
{
    const PlantLoader::Result r = load(QStringLiteral(R"(
[history]
record = true
heartbeat = "30s"
retention = "400d"
max_size = "2GB"
queue_capacity = 50000
[[history.groups]]
name = "flows"
tags = ["FT*"]
retention = "30d"
heartbeat = "10s"
[[history.groups]]
name = "level"
tags = ["LT101", "FT101"]
heartbeat = "0s"
)"));
    QVERIFY2(r.plant, qPrintable(r.diagnostics.toStringList().join(u'\n')));
    const HistoryConfig &h = r.plant->history;
    QCOMPARE(h.heartbeatMs, 30'000);
    QCOMPARE(h.retentionMs, 400LL * 86'400'000);
    QCOMPARE(h.maxSizeBytes, 2'000'000'000);
    QCOMPARE(h.queueCapacity, 50'000);
    QCOMPARE(h.groups.size(), 2);
    // The first matching group wins; unset values fall back to the defaults.
    QCOMPARE(h.settingsFor(QStringLiteral("FT101")).retentionMs, 30LL * 86'400'000);
    QCOMPARE(h.settingsFor(QStringLiteral("FT101")).heartbeatMs, 10'000);
    QCOMPARE(h.settingsFor(QStringLiteral("LT101")).heartbeatMs, 0);
    QCOMPARE(h.settingsFor(QStringLiteral("LT101")).retentionMs, 400LL * 86'400'000);
    QCOMPARE(h.settingsFor(QStringLiteral("OTHER")).heartbeatMs, 30'000);
}

void TstHistoryConfig::errorsNameFileLineAndColumn_data()
{
    QTest::addColumn<QString>("history");
    QTest::addColumn<QString>("expected");
    QTest::newRow("heartbeat unit") << "[history]\nheartbeat = \"5 parsecs\""
                                    << "plant.toml:28:13: history: 'heartbeat' is not a duration";
    QTest::newRow("heartbeat too short") << "[history]\nheartbeat = \"200ms\""
                                         << "plant.toml:28:13: history: 'heartbeat' must be";
    QTest::newRow("retention too short") << "[history]\nretention = \"10m\""
                                         << "plant.toml:28:13: history: 'retention' must be";
    QTest::newRow("size") << "[history]\nmax_size = \"lots\""
                          << "plant.toml:28:12: history: 'max_size' must be a size";
    QTest::newRow("unknown key") << "[history]\nretension = \"1d\""
                                 << "plant.toml:28:1: history: unknown key 'retension'";
    QTest::newRow("group without tags") << "[[history.groups]]\nname = \"g\""
                                        << "history group 'g': missing required key 'tags'";
    QTest::newRow("duplicate group") << "[[history.groups]]\nname = \"g\"\ntags = [\"FT*\"]\n"
                                        "[[history.groups]]\nname = \"g\"\ntags = [\"LT*\"]"
                                     << "plant.toml:31:8: history group 'g': duplicate history "
                                        "group name";
    QTest::newRow("queue") << "[history]\nqueue_capacity = 5"
                           << "plant.toml:28:18: history: 'queue_capacity' must be";
}

void TstHistoryConfig::errorsNameFileLineAndColumn()
{
    QFETCH(QString, history);
    QFETCH(QString, expected);
    const PlantLoader::Result r = load(history);
    QVERIFY(!r.plant);
    QVERIFY2(r.diagnostics.contains(expected),
             qPrintable(r.diagnostics.toStringList().join(u'\n')));
}

void TstHistoryConfig::patternsThatMatchNoTagAreWarned()
{
    const PlantLoader::Result r =
        load(QStringLiteral("[[history.groups]]\nname = \"g\"\ntags = [\"XY*\", \"LT101\"]\n"));
    QVERIFY(r.plant);
    QCOMPARE(r.diagnostics.warningCount(), 1);
    QVERIFY2(r.diagnostics.contains(QStringLiteral("'XY*' matches no tag")),
             qPrintable(r.diagnostics.toStringList().join(u'\n')));
}

void TstHistoryConfig::sizes()
{
    QCOMPARE(HistoryConfigReader::parseSize(QStringLiteral("500MB")), 500'000'000);
    QCOMPARE(HistoryConfigReader::parseSize(QStringLiteral("1.5 GiB")), 1'610'612'736);
    QCOMPARE(HistoryConfigReader::parseSize(QStringLiteral("4096")), 4096);
    QVERIFY(!HistoryConfigReader::parseSize(QStringLiteral("5 potatoes")));
    QVERIFY(HistoryConfig::matches(QStringLiteral("FT*"), QStringLiteral("FT101")));
    QVERIFY(HistoryConfig::matches(QStringLiteral("?T101"), QStringLiteral("LT101")));
    QVERIFY(!HistoryConfig::matches(QStringLiteral("FT1"), QStringLiteral("FT101")));
}

void TstHistoryConfig::demoPlantIsValid()
{
    const PlantLoader::Result r =
        PlantLoader(m_drivers, QProcessEnvironment())
            .load(QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml"));
    QVERIFY2(r.plant, qPrintable(r.diagnostics.toStringList().join(u'\n')));
    QCOMPARE(r.diagnostics.warningCount(), 0);
    QVERIFY(!r.plant->history.groups.isEmpty());
}

QTEST_GUILESS_MAIN(TstHistoryConfig)
#include "tst_historyconfig.moc"
