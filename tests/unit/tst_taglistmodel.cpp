#include "installedtranslation.h"
#include "metatypes.h"
#include "taglistmodel.h"
#include "tags/tagtable.h"
#include "util/manualclock.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>
#include <set>

using namespace vigil;

namespace
{

TagDefinition tagDef(const QString &id, DataType type = DataType::Float64, double lo = 0.0,
                     double hi = 100.0, int decimals = -1)
{
    TagDefinition t;
    t.id = id;
    t.description = QStringLiteral("Description of %1").arg(id);
    t.device = QStringLiteral("dev1");
    t.address = QStringLiteral("constant:value=0");
    t.type = type;
    t.unit = isNumeric(type) ? QStringLiteral("bar") : QString();
    t.rangeLo = lo;
    t.rangeHi = hi;
    t.decimals = decimals;
    return t;
}

AlarmRule alarm(AlarmType type, double limit)
{
    AlarmRule r;
    r.type = type;
    r.limit = limit;
    return r;
}

TagChange change(quint32 tag, double value, Quality q = Quality::Good, qint64 time = 0,
                 const QString &text = QString())
{
    TagChange c;
    c.tag = tag;
    c.value = value;
    c.quality = q;
    c.sourceTime = time;
    c.serverTime = time;
    c.text = text;
    return c;
}

// The roles applyUpdate() may announce: everything that depends on the live value.
const std::set<int> kValueRoles{
    TagListModel::ValueRole,       TagListModel::ValueTextRole,   TagListModel::QualityRole,
    TagListModel::QualityMarkRole, TagListModel::QualityNameRole, TagListModel::IsGoodRole,
    TagListModel::IsUncertainRole, TagListModel::IsBadRole,       TagListModel::TimeRole,
    TagListModel::TimeTextRole,    TagListModel::FractionRole,
};

} // namespace

class TstTagListModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void roleNames();
    void rolesBeforeAnyUpdate();
    void valueTextUsesLocaleAndDisplayDecimals_data();
    void valueTextUsesLocaleAndDisplayDecimals();
    void qualityRoles_data();
    void qualityRoles();
    void qualityTextsInTheUiLanguage();
    void badQualityKeepsLastValue();
    void badQualityBeforeAnyValueShowsNoValue();
    void badQualityFromTagTableKeepsLastValue();
    void timeText();
    void dataChangedCoversExactlyTheChangedRows();
    void dataChangedMergesContiguousRuns();
    void dataChangedSeparateRuns();
    void dataChangedRolesAreTheValueRolesOnly();
    void thirtyTwoRunsStaySeparate();
    void moreThanThirtyTwoRunsCollapseIntoOneRange();
    void emptyAndUnknownChangesAreIgnored();
    void lastChangeOfATagInASetWins();
    void fractions();
    void limitFractionsPickTheInnermostLimits();
    void limitFractionsWithoutAlarmsOrRange();
    void stringTag();
    void boolTag();

private:
    void makeModel(std::vector<TagDefinition> defs);
    QVariant get(int row, int role) const { return m_model->data(m_model->index(row), role); }

    std::unique_ptr<TagListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TstTagListModel::initTestCase()
{
    registerCoreMetaTypes();
}

void TstTagListModel::init()
{
    QLocale::setDefault(QLocale::c());
}

void TstTagListModel::cleanup()
{
    m_tester.reset(); // the tester watched the model for its whole life
    m_model.reset();
    QLocale::setDefault(QLocale::c());
}

void TstTagListModel::makeModel(std::vector<TagDefinition> defs)
{
    m_tester.reset();
    m_model.reset();
    m_model = std::make_unique<TagListModel>(std::make_shared<TagDirectory>(std::move(defs)));
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TstTagListModel::roleNames()
{
    makeModel({tagDef(QStringLiteral("A"))});
    const QHash<int, QByteArray> names = m_model->roleNames();
    const QList<QByteArray> expected{
        "tagId",           "description", "device",      "dataType", "isNumeric",
        "value",           "valueText",   "unit",        "quality",  "qualityMark",
        "qualityName",     "isGood",      "isUncertain", "isBad",    "time",
        "timeText",        "rangeLo",     "rangeHi",     "fraction", "loLimitFraction",
        "hiLimitFraction", "writable"};
    QCOMPARE(names.size(), expected.size());
    for (const QByteArray &name : expected) {
        QVERIFY2(names.values().contains(name), name.constData());
        QCOMPARE(names.value(m_model->roleOf(name)), name);
    }
    QCOMPARE(m_model->roleOf("value"), int(TagListModel::ValueRole));
    QCOMPARE(m_model->roleOf("tagId"), int(TagListModel::IdRole));
    QCOMPARE(m_model->roleOf("noSuchRole"), -1);
}

void TstTagListModel::rolesBeforeAnyUpdate()
{
    TagDefinition a = tagDef(QStringLiteral("PT100"), DataType::Float32, 0, 10);
    a.writable = true;
    TagDefinition b = tagDef(QStringLiteral("MODE"), DataType::String);
    b.device = QStringLiteral("dev2");
    makeModel({a, b});

    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->rowCount(m_model->index(0)), 0); // a flat list
    QCOMPARE(m_model->directory().size(), 2u);

    QCOMPARE(get(0, Qt::DisplayRole).toString(), QStringLiteral("PT100"));
    QCOMPARE(get(0, TagListModel::IdRole).toString(), QStringLiteral("PT100"));
    QCOMPARE(get(0, TagListModel::DescriptionRole).toString(),
             QStringLiteral("Description of PT100"));
    QCOMPARE(get(0, TagListModel::DeviceRole).toString(), QStringLiteral("dev1"));
    QCOMPARE(get(0, TagListModel::TypeRole).toString(), QStringLiteral("float32"));
    QCOMPARE(get(0, TagListModel::IsNumericRole).toBool(), true);
    QCOMPARE(get(0, TagListModel::UnitRole).toString(), QStringLiteral("bar"));
    QCOMPARE(get(0, TagListModel::RangeLoRole).toDouble(), 0.0);
    QCOMPARE(get(0, TagListModel::RangeHiRole).toDouble(), 10.0);
    QCOMPARE(get(0, TagListModel::WritableRole).toBool(), true);
    QCOMPARE(get(1, TagListModel::WritableRole).toBool(), false);
    QCOMPARE(get(1, TagListModel::DeviceRole).toString(), QStringLiteral("dev2"));
    QCOMPARE(get(1, TagListModel::TypeRole).toString(), QStringLiteral("string"));
    QCOMPARE(get(1, TagListModel::IsNumericRole).toBool(), false);

    for (int row = 0; row < 2; ++row) {
        QCOMPARE(get(row, TagListModel::QualityRole).toInt(), int(Quality::WaitingForInitialData));
        QCOMPARE(get(row, TagListModel::QualityMarkRole).toString(), QStringLiteral("WAIT"));
        QCOMPARE(get(row, TagListModel::QualityNameRole).toString(),
                 QStringLiteral("Bad: no value yet"));
        QCOMPARE(get(row, TagListModel::IsGoodRole).toBool(), false);
        QCOMPARE(get(row, TagListModel::IsUncertainRole).toBool(), false);
        QCOMPARE(get(row, TagListModel::IsBadRole).toBool(), true);
        QCOMPARE(get(row, TagListModel::ValueTextRole).toString(), QStringLiteral("—"));
        QCOMPARE(get(row, TagListModel::TimeTextRole).toString(), QString());
        QVERIFY(!get(row, TagListModel::TimeRole).toDateTime().isValid());
        QVERIFY(std::isnan(get(row, TagListModel::FractionRole).toDouble()));
    }
    // Out of range rows and unknown roles give nothing.
    QVERIFY(!m_model->data(m_model->index(2), TagListModel::IdRole).isValid());
    QVERIFY(!m_model->data(QModelIndex(), TagListModel::IdRole).isValid());
    QVERIFY(!get(0, Qt::UserRole + 999).isValid());
}

void TstTagListModel::valueTextUsesLocaleAndDisplayDecimals_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<double>("rangeHi");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");

    const int f64 = int(DataType::Float64);
    // Derived decimals resolve about 1/1000 of the display range.
    QTest::newRow("range 100 -> 1 decimal") << f64 << 100.0 << -1 << 42.345 << "C"
                                            << "42.3";
    QTest::newRow("range 10 -> 2 decimals") << f64 << 10.0 << -1 << 6.789 << "C"
                                            << "6.79";
    QTest::newRow("range 1 -> 3 decimals") << f64 << 1.0 << -1 << 0.12345 << "C"
                                           << "0.123";
    QTest::newRow("range 10000 -> 0 decimals") << f64 << 10000.0 << -1 << 1234.6 << "C"
                                               << "1235";
    QTest::newRow("configured 3") << f64 << 100.0 << 3 << 1.5 << "C"
                                  << "1.500";
    QTest::newRow("configured 0") << f64 << 100.0 << 0 << 7.6 << "C"
                                  << "8";
    QTest::newRow("integer type") << int(DataType::Int32) << 100.0 << -1 << 17.0 << "C"
                                  << "17";
    QTest::newRow("negative") << f64 << 100.0 << 2 << -3.14159 << "C"
                              << "-3.14";
    QTest::newRow("German decimal comma") << f64 << 10.0 << -1 << 6.789 << "de_DE"
                                          << "6,79";
    QTest::newRow("German grouping") << f64 << 10000.0 << 2 << 1234.567 << "de_DE"
                                     << "1.234,57";
    QTest::newRow("US grouping") << f64 << 10000.0 << 1 << 1234.56 << "en_US"
                                 << "1,234.6";
}

void TstTagListModel::valueTextUsesLocaleAndDisplayDecimals()
{
    QFETCH(int, type);
    QFETCH(double, rangeHi);
    QFETCH(int, decimals);
    QFETCH(double, value);
    QFETCH(QString, locale);
    QFETCH(QString, expected);

    QLocale::setDefault(QLocale(locale));
    makeModel({tagDef(QStringLiteral("T"), DataType(type), 0.0, rangeHi, decimals)});
    m_model->applyUpdate({change(0, value, Quality::Good, 1'700'000'000'000)});
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), expected);
    QCOMPARE(get(0, TagListModel::ValueRole).toDouble(), value);
    QCOMPARE(get(0, TagListModel::QualityMarkRole).toString(), QString());
    QCOMPARE(get(0, TagListModel::IsGoodRole).toBool(), true);
}

void TstTagListModel::qualityRoles_data()
{
    QTest::addColumn<Quality>("quality");
    QTest::addColumn<QString>("mark");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("good");
    QTest::addColumn<bool>("uncertain");
    QTest::addColumn<bool>("bad");

    QTest::newRow("good") << Quality::Good << ""
                          << "Good" << true << false << false;
    QTest::newRow("uncertain") << Quality::Uncertain << "?"
                               << "Uncertain" << false << true << false;
    QTest::newRow("stale") << Quality::Stale << "?"
                           << "Uncertain: stale" << false << true << false;
    QTest::newRow("comm error") << Quality::CommError << "COMM"
                                << "Bad: communication error" << false << false << true;
    QTest::newRow("not connected") << Quality::NotConnected << "COMM"
                                   << "Bad: not connected" << false << false << true;
    QTest::newRow("bad") << Quality::Bad << "BAD"
                         << "Bad" << false << false << true;
    QTest::newRow("config error") << Quality::ConfigError << "BAD"
                                  << "Bad: configuration error" << false << false << true;
    QTest::newRow("out of service") << Quality::OutOfService << "OOS"
                                    << "Bad: out of service" << false << false << true;
}

void TstTagListModel::qualityRoles()
{
    QFETCH(Quality, quality);
    QFETCH(QString, mark);
    QFETCH(QString, name);
    QFETCH(bool, good);
    QFETCH(bool, uncertain);
    QFETCH(bool, bad);

    makeModel({tagDef(QStringLiteral("A")), tagDef(QStringLiteral("B"))});
    m_model->applyUpdate({change(1, 12.5, Quality::Good, 1000)});
    m_model->applyUpdate({change(1, 12.5, quality, 2000)});

    QCOMPARE(get(1, TagListModel::QualityRole).toInt(), int(quality));
    QCOMPARE(get(1, TagListModel::QualityMarkRole).toString(), mark);
    QCOMPARE(get(1, TagListModel::QualityNameRole).toString(), name);
    QCOMPARE(get(1, TagListModel::IsGoodRole).toBool(), good);
    QCOMPARE(get(1, TagListModel::IsUncertainRole).toBool(), uncertain);
    QCOMPARE(get(1, TagListModel::IsBadRole).toBool(), bad);
    // Whatever the quality, the last value is still shown (greyed or marked by the view).
    QCOMPARE(get(1, TagListModel::ValueTextRole).toString(), QStringLiteral("12.5"));
    // The other row is untouched.
    QCOMPARE(get(0, TagListModel::QualityMarkRole).toString(), QStringLiteral("WAIT"));
}

void TstTagListModel::qualityTextsInTheUiLanguage()
{
    // The operator reads the quality in the language of the UI, not core's English name; "?" is
    // a symbol and stays one (the views compare against it).
    const InstalledTranslation zh(QStringLiteral(VIGIL_ZH_CN_QM));
    QVERIFY2(zh.ok(), qPrintable(zh.error()));
    makeModel({tagDef(QStringLiteral("A"))});
    QCOMPARE(get(0, TagListModel::QualityNameRole).toString(), QStringLiteral("坏：尚无数值"));
    QCOMPARE(get(0, TagListModel::QualityMarkRole).toString(), QStringLiteral("等待"));
    m_model->applyUpdate({change(0, 1.0, Quality::CommError, 1000)});
    QCOMPARE(get(0, TagListModel::QualityNameRole).toString(), QStringLiteral("坏：通讯错误"));
    QCOMPARE(get(0, TagListModel::QualityMarkRole).toString(), QStringLiteral("通讯"));
    m_model->applyUpdate({change(0, 1.0, Quality::Stale, 2000)});
    QCOMPARE(get(0, TagListModel::QualityNameRole).toString(), QStringLiteral("不确定：数据过期"));
    QCOMPARE(get(0, TagListModel::QualityMarkRole).toString(), QStringLiteral("?"));
    m_model->applyUpdate({change(0, 1.0, Quality::Good, 3000)});
    QCOMPARE(get(0, TagListModel::QualityNameRole).toString(), QStringLiteral("良好"));
}

void TstTagListModel::badQualityKeepsLastValue()
{
    makeModel({tagDef(QStringLiteral("LT1"), DataType::Float64, 0, 200),
               tagDef(QStringLiteral("MODE"), DataType::String)});
    m_model->applyUpdate({change(0, 50.0, Quality::Good, 1000),
                          change(1, 0, Quality::Good, 1000, QStringLiteral("AUTO"))});
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("50.0"));
    QCOMPARE(get(0, TagListModel::FractionRole).toDouble(), 0.25);

    // A bad change carries no usable value: the model keeps showing the last good one.
    m_model->applyUpdate({change(0, 0.0, Quality::CommError, 2000),
                          change(1, 0, Quality::NotConnected, 2000, QString())});
    QCOMPARE(get(0, TagListModel::IsBadRole).toBool(), true);
    QCOMPARE(get(0, TagListModel::QualityMarkRole).toString(), QStringLiteral("COMM"));
    QCOMPARE(get(0, TagListModel::ValueRole).toDouble(), 50.0);
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("50.0"));
    QCOMPARE(get(0, TagListModel::FractionRole).toDouble(), 0.25);
    QCOMPARE(get(1, TagListModel::IsBadRole).toBool(), true);
    QCOMPARE(get(1, TagListModel::ValueTextRole).toString(), QStringLiteral("AUTO"));
    QCOMPARE(get(1, TagListModel::ValueRole).toString(), QStringLiteral("AUTO"));

    // A NaN in a bad change does not leak into the display either.
    m_model->applyUpdate({change(0, std::nan(""), Quality::Bad, 3000)});
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("50.0"));
    QCOMPARE(get(0, TagListModel::QualityMarkRole).toString(), QStringLiteral("BAD"));

    // The next good value replaces it.
    m_model->applyUpdate({change(0, 60.0, Quality::Good, 4000)});
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("60.0"));
    QCOMPARE(get(0, TagListModel::IsBadRole).toBool(), false);
    QCOMPARE(get(0, TagListModel::FractionRole).toDouble(), 0.3);
}

void TstTagListModel::badQualityBeforeAnyValueShowsNoValue()
{
    makeModel({tagDef(QStringLiteral("A"))});
    m_model->applyUpdate({change(0, 0.0, Quality::NotConnected, 1000)});
    QCOMPARE(get(0, TagListModel::QualityMarkRole).toString(), QStringLiteral("COMM"));
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("—"));
    QVERIFY(std::isnan(get(0, TagListModel::FractionRole).toDouble()));

    // Uncertain is a usable value.
    m_model->applyUpdate({change(0, 33.0, Quality::Stale, 2000)});
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("33.0"));
    QCOMPARE(get(0, TagListModel::QualityMarkRole).toString(), QStringLiteral("?"));
    QCOMPARE(get(0, TagListModel::FractionRole).toDouble(), 0.33);
}

void TstTagListModel::badQualityFromTagTableKeepsLastValue()
{
    // The real producer of change sets: a TagTable with scaling.
    TagDefinition def = tagDef(QStringLiteral("LT101"), DataType::Int16, 0, 100);
    def.scaling = Scaling::fromSpan(0, 1000, 0, 100);
    auto dir = std::make_shared<TagDirectory>(std::vector<TagDefinition>{def});
    ManualClock clock;
    TagTable table(dir, clock);
    m_model = std::make_unique<TagListModel>(dir);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(&table, &TagTable::changed, m_model.get(), &TagListModel::applyUpdate);

    TagSample s;
    s.tag = 0;
    s.value = 425; // raw -> 42.5 %
    s.sourceTime = clock.nowMs();
    table.ingest({s});
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("42.5"));

    TagSample bad;
    bad.tag = 0;
    bad.quality = Quality::CommError;
    table.ingest({bad});
    QCOMPARE(get(0, TagListModel::QualityMarkRole).toString(), QStringLiteral("COMM"));
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("42.5"));
    QCOMPARE(get(0, TagListModel::ValueRole).toDouble(), 42.5);
}

void TstTagListModel::timeText()
{
    makeModel({tagDef(QStringLiteral("A")), tagDef(QStringLiteral("B"))});
    const QDateTime today(QDate::currentDate(), QTime(13, 14, 15, 250));
    const QDateTime older(QDate(2020, 1, 2), QTime(3, 4, 5));
    m_model->applyUpdate({change(0, 1.0, Quality::Good, today.toMSecsSinceEpoch()),
                          change(1, 2.0, Quality::Good, older.toMSecsSinceEpoch())});
    // Today: the time only; another day: date and time (local time).
    QCOMPARE(get(0, TagListModel::TimeTextRole).toString(), QStringLiteral("13:14:15"));
    QCOMPARE(get(1, TagListModel::TimeTextRole).toString(), QStringLiteral("2020-01-02 03:04:05"));
    QCOMPARE(get(0, TagListModel::TimeRole).toDateTime(), today);
    QCOMPARE(get(1, TagListModel::TimeRole).toDateTime(), older);
}

void TstTagListModel::dataChangedCoversExactlyTheChangedRows()
{
    std::vector<TagDefinition> defs;
    for (int i = 0; i < 10; ++i)
        defs.push_back(tagDef(QStringLiteral("T%1").arg(i)));
    makeModel(defs);
    QSignalSpy spy(m_model.get(), &QAbstractItemModel::dataChanged);

    m_model->applyUpdate({change(7, 1.0)});
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy[0][0].toModelIndex(), m_model->index(7));
    QCOMPARE(spy[0][1].toModelIndex(), m_model->index(7));
    // Only row 7 changed.
    for (int row = 0; row < 10; ++row)
        QCOMPARE(get(row, TagListModel::IsGoodRole).toBool(), row == 7);
}

void TstTagListModel::dataChangedMergesContiguousRuns()
{
    std::vector<TagDefinition> defs;
    for (int i = 0; i < 10; ++i)
        defs.push_back(tagDef(QStringLiteral("T%1").arg(i)));
    makeModel(defs);
    QSignalSpy spy(m_model.get(), &QAbstractItemModel::dataChanged);

    // Out of order and adjacent: one range.
    m_model->applyUpdate({change(4, 1.0), change(2, 1.0), change(3, 1.0)});
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy[0][0].toModelIndex().row(), 2);
    QCOMPARE(spy[0][1].toModelIndex().row(), 4);
}

void TstTagListModel::dataChangedSeparateRuns()
{
    std::vector<TagDefinition> defs;
    for (int i = 0; i < 10; ++i)
        defs.push_back(tagDef(QStringLiteral("T%1").arg(i)));
    makeModel(defs);
    QSignalSpy spy(m_model.get(), &QAbstractItemModel::dataChanged);

    m_model->applyUpdate({change(9, 1.0), change(1, 1.0), change(5, 1.0), change(2, 1.0)});
    QCOMPARE(spy.size(), 3);
    QList<QPair<int, int>> ranges;
    for (const QList<QVariant> &args : spy)
        ranges.append({args[0].toModelIndex().row(), args[1].toModelIndex().row()});
    const QList<QPair<int, int>> expected{{1, 2}, {5, 5}, {9, 9}};
    QCOMPARE(ranges, expected);
}

void TstTagListModel::dataChangedRolesAreTheValueRolesOnly()
{
    makeModel({tagDef(QStringLiteral("A")), tagDef(QStringLiteral("B"))});
    QSignalSpy spy(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->applyUpdate({change(0, 5.0)});
    QCOMPARE(spy.size(), 1);
    const QList<int> roles = spy[0][2].value<QList<int>>();
    const std::set<int> got(roles.cbegin(), roles.cend());
    QCOMPARE(int(got.size()), roles.size()); // no duplicates
    QVERIFY2(got == kValueRoles, "dataChanged must name exactly the value-dependent roles");
    // The static columns are never announced.
    for (int role : {int(TagListModel::IdRole), int(TagListModel::DescriptionRole),
                     int(TagListModel::DeviceRole), int(TagListModel::UnitRole),
                     int(TagListModel::RangeLoRole), int(TagListModel::RangeHiRole),
                     int(TagListModel::LoLimitFractionRole), int(TagListModel::WritableRole)})
        QVERIFY(!got.count(role));
}

void TstTagListModel::thirtyTwoRunsStaySeparate()
{
    std::vector<TagDefinition> defs;
    for (int i = 0; i < 100; ++i)
        defs.push_back(tagDef(QStringLiteral("T%1").arg(i, 3, 10, QLatin1Char('0'))));
    makeModel(defs);
    QSignalSpy spy(m_model.get(), &QAbstractItemModel::dataChanged);

    ChangeSet changes;
    for (int i = 0; i < 32; ++i)
        changes.append(change(quint32(3 * i), double(i))); // 32 isolated rows
    m_model->applyUpdate(changes);
    QCOMPARE(spy.size(), 32);
    for (int i = 0; i < 32; ++i) {
        QCOMPARE(spy[i][0].toModelIndex().row(), 3 * i);
        QCOMPARE(spy[i][1].toModelIndex().row(), 3 * i);
    }
}

void TstTagListModel::moreThanThirtyTwoRunsCollapseIntoOneRange()
{
    std::vector<TagDefinition> defs;
    for (int i = 0; i < 100; ++i)
        defs.push_back(tagDef(QStringLiteral("T%1").arg(i, 3, 10, QLatin1Char('0'))));
    makeModel(defs);
    QSignalSpy spy(m_model.get(), &QAbstractItemModel::dataChanged);

    ChangeSet changes;
    for (int i = 32; i >= 0; --i)
        changes.append(change(quint32(5 + 2 * i), double(i))); // 33 runs: rows 5, 7, ... 69
    m_model->applyUpdate(changes);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy[0][0].toModelIndex().row(), 5);
    QCOMPARE(spy[0][1].toModelIndex().row(), 69);
    const QList<int> roles = spy[0][2].value<QList<int>>();
    QVERIFY(std::set<int>(roles.cbegin(), roles.cend()) == kValueRoles);
    // The data itself is per row: the rows in between did not change.
    QCOMPARE(get(7, TagListModel::ValueRole).toDouble(), 1.0);
    QCOMPARE(get(6, TagListModel::QualityMarkRole).toString(), QStringLiteral("WAIT"));
    QCOMPARE(get(69, TagListModel::ValueRole).toDouble(), 32.0);
}

void TstTagListModel::emptyAndUnknownChangesAreIgnored()
{
    makeModel({tagDef(QStringLiteral("A")), tagDef(QStringLiteral("B"))});
    QSignalSpy spy(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->applyUpdate({});
    QCOMPARE(spy.size(), 0);
    m_model->applyUpdate({change(2, 1.0), change(1000, 1.0)});
    QCOMPARE(spy.size(), 0);
    m_model->applyUpdate({change(5, 1.0), change(1, 3.0)});
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy[0][0].toModelIndex().row(), 1);
    QCOMPARE(spy[0][1].toModelIndex().row(), 1);
    QCOMPARE(get(1, TagListModel::ValueRole).toDouble(), 3.0);
}

void TstTagListModel::lastChangeOfATagInASetWins()
{
    makeModel({tagDef(QStringLiteral("A"))});
    QSignalSpy spy(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->applyUpdate(
        {change(0, 1.0, Quality::Good, 1000), change(0, 2.0, Quality::Good, 2000)});
    QCOMPARE(spy.size(), 1);
    QCOMPARE(get(0, TagListModel::ValueRole).toDouble(), 2.0);
    QCOMPARE(get(0, TagListModel::TimeRole).toDateTime().toMSecsSinceEpoch(), 2000);
}

void TstTagListModel::fractions()
{
    makeModel({tagDef(QStringLiteral("A"), DataType::Float64, 0, 200),
               tagDef(QStringLiteral("B"), DataType::Float64, -50, 50)});
    QVERIFY(std::isnan(get(0, TagListModel::FractionRole).toDouble()));

    m_model->applyUpdate({change(0, 50.0), change(1, 0.0)});
    QCOMPARE(get(0, TagListModel::FractionRole).toDouble(), 0.25);
    QCOMPARE(get(1, TagListModel::FractionRole).toDouble(), 0.5);

    // Outside the display range the bar is pinned to its ends.
    m_model->applyUpdate({change(0, 250.0), change(1, -80.0)});
    QCOMPARE(get(0, TagListModel::FractionRole).toDouble(), 1.0);
    QCOMPARE(get(1, TagListModel::FractionRole).toDouble(), 0.0);
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("250.0"));
}

void TstTagListModel::limitFractionsPickTheInnermostLimits()
{
    TagDefinition a = tagDef(QStringLiteral("A"), DataType::Float64, 0, 200);
    a.alarms = {alarm(AlarmType::LoLo, 10), alarm(AlarmType::Lo, 20), alarm(AlarmType::Hi, 150),
                alarm(AlarmType::HiHi, 190)};
    // Same limits in the opposite order: the result must not depend on the order.
    TagDefinition b = tagDef(QStringLiteral("B"), DataType::Float64, 0, 200);
    b.alarms = {alarm(AlarmType::HiHi, 190), alarm(AlarmType::Hi, 150), alarm(AlarmType::Lo, 20),
                alarm(AlarmType::LoLo, 10)};
    // Only the outer limits: they bound the band.
    TagDefinition c = tagDef(QStringLiteral("C"), DataType::Float64, 0, 200);
    c.alarms = {alarm(AlarmType::LoLo, 10), alarm(AlarmType::HiHi, 190),
                alarm(AlarmType::RateOfChange, 5)};
    // Only a hi limit.
    TagDefinition d = tagDef(QStringLiteral("D"), DataType::Float64, 100, 300);
    d.alarms = {alarm(AlarmType::Hi, 250)};
    makeModel({a, b, c, d});

    for (int row : {0, 1}) {
        QCOMPARE(get(row, TagListModel::LoLimitFractionRole).toDouble(), 0.1);
        QCOMPARE(get(row, TagListModel::HiLimitFractionRole).toDouble(), 0.75);
    }
    QCOMPARE(get(2, TagListModel::LoLimitFractionRole).toDouble(), 0.05);
    QCOMPARE(get(2, TagListModel::HiLimitFractionRole).toDouble(), 0.95);
    QVERIFY(std::isnan(get(3, TagListModel::LoLimitFractionRole).toDouble()));
    QCOMPARE(get(3, TagListModel::HiLimitFractionRole).toDouble(), 0.75);
}

void TstTagListModel::limitFractionsWithoutAlarmsOrRange()
{
    TagDefinition noAlarms = tagDef(QStringLiteral("A"));
    TagDefinition noRange = tagDef(QStringLiteral("B"), DataType::Float64, 10, 10);
    noRange.alarms = {alarm(AlarmType::Hi, 5)};
    makeModel({noAlarms, noRange});
    QVERIFY(std::isnan(get(0, TagListModel::LoLimitFractionRole).toDouble()));
    QVERIFY(std::isnan(get(0, TagListModel::HiLimitFractionRole).toDouble()));
    QVERIFY(std::isnan(get(1, TagListModel::HiLimitFractionRole).toDouble()));
    m_model->applyUpdate({change(1, 10.0)});
    QVERIFY(std::isnan(get(1, TagListModel::FractionRole).toDouble())); // no usable range
}

void TstTagListModel::stringTag()
{
    makeModel({tagDef(QStringLiteral("MODE"), DataType::String)});
    m_model->applyUpdate({change(0, 0.0, Quality::Good, 1000, QStringLiteral("AUTO"))});
    QCOMPARE(get(0, TagListModel::ValueRole).typeId(), int(QMetaType::QString));
    QCOMPARE(get(0, TagListModel::ValueRole).toString(), QStringLiteral("AUTO"));
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("AUTO"));
    QVERIFY(std::isnan(get(0, TagListModel::FractionRole).toDouble()));
    m_model->applyUpdate({change(0, 0.0, Quality::Good, 2000, QStringLiteral("MANUAL"))});
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("MANUAL"));
    // An empty string is a value, not "no value".
    m_model->applyUpdate({change(0, 0.0, Quality::Good, 3000, QString())});
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QString());
}

void TstTagListModel::boolTag()
{
    makeModel({tagDef(QStringLiteral("RUN"), DataType::Bool)});
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("—"));
    m_model->applyUpdate({change(0, 1.0)});
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("ON"));
    QCOMPARE(get(0, TagListModel::ValueRole).toDouble(), 1.0);
    QCOMPARE(get(0, TagListModel::IsNumericRole).toBool(), false);
    QVERIFY(std::isnan(get(0, TagListModel::FractionRole).toDouble()));
    m_model->applyUpdate({change(0, 0.0)});
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("OFF"));
    m_model->applyUpdate({change(0, 1.0)});
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("ON"));
    // A bad change keeps the last state.
    m_model->applyUpdate({change(0, 0.0, Quality::CommError)});
    QCOMPARE(get(0, TagListModel::ValueTextRole).toString(), QStringLiteral("ON"));
    QCOMPARE(get(0, TagListModel::QualityMarkRole).toString(), QStringLiteral("COMM"));
}

QTEST_GUILESS_MAIN(TstTagListModel)
#include "tst_taglistmodel.moc"
