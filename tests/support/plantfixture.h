#pragma once

// Fixtures of the PlantLoader tests (tst_plantloader, tst_plantvalidation).
//
// Fixtures are written into a temporary directory. A '$' in a fixture marks where an expected
// message must point: the marker is removed before the file is written and its line and column
// are substituted into the expected text as {p0}, {p1}, ... (plant file) and {c0}, {c1}, ...
// (CSV file), each "path:line:column"; {l0} is the line alone. {plant}, {csv} and {dir} are the
// file paths and the directory. Fixtures are ASCII, so columns count bytes.

#include "config/plantloader.h"
#include "driverregistry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <vector>

namespace vigil::testing
{

struct Mark {
    int line = 0;
    int column = 0;
};

// A temporary directory holding a plant file and the CSV files it references.
class PlantFixture
{
public:
    bool isValid() const { return m_dir.isValid(); }
    QString dir() const { return m_dir.path(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Writes the text without its '$' markers and remembers where they were.
    QString write(const QString &name, const QByteArray &marked)
    {
        QByteArray text;
        QList<Mark> marks;
        int line = 1;
        int column = 1;
        for (char c : marked) {
            if (c == '$') {
                marks.append({line, column});
                continue;
            }
            text.append(c);
            if (c == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        m_marks.insert(name, marks);
        const QString file = path(name);
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(file));
        return file;
    }

    QString at(const QString &name, int index) const
    {
        const QList<Mark> marks = m_marks.value(name);
        if (index >= marks.size())
            return QStringLiteral("<no mark %1 in %2>").arg(index).arg(name);
        return QStringLiteral("%1:%2:%3")
            .arg(path(name))
            .arg(marks[index].line)
            .arg(marks[index].column);
    }

    // Replaces the placeholders of an expected message (see the top of this file).
    QString expand(QString text) const
    {
        static const QRegularExpression placeholder(QStringLiteral("\\{([pcl])(\\d)\\}"));
        QRegularExpressionMatch m;
        while ((m = placeholder.match(text)).hasMatch()) {
            const int index = m.captured(2).toInt();
            const QChar kind = m.captured(1).at(0);
            QString value;
            if (kind == u'p')
                value = at(QStringLiteral("plant.toml"), index);
            else if (kind == u'c')
                value = at(QStringLiteral("tags.csv"), index);
            else
                value =
                    QString::number(m_marks.value(QStringLiteral("plant.toml")).value(index).line);
            text.replace(m.capturedStart(), m.capturedLength(), value);
        }
        text.replace(QStringLiteral("{plant}"), path(QStringLiteral("plant.toml")));
        text.replace(QStringLiteral("{csv}"), path(QStringLiteral("tags.csv")));
        text.replace(QStringLiteral("{dir}"), dir());
        return text;
    }

private:
    QTemporaryDir m_dir;
    QHash<QString, QList<Mark>> m_marks;
};

// --- Building blocks of fixtures ------------------------------------------------------------

inline const QByteArray kHead = "[plant]\n"
                                "name = \"Test plant\"\n"
                                "\n"
                                "[[devices]]\n"
                                "id = \"dev1\"\n"
                                "driver = \"sim\"\n"
                                "\n";

using Kv = std::pair<const char *, const char *>;

inline const std::vector<Kv> kAnalog{
    {"id", "\"TT101\""},     {"device", "\"dev1\""}, {"address", "\"sine:period=60s,lo=0,hi=100\""},
    {"type", "\"float64\""}, {"unit", "\"degC\""},   {"range", "[0, 100]"}};
inline const std::vector<Kv> kBool{{"id", "\"XV101\""},
                                   {"device", "\"dev1\""},
                                   {"address", "\"square:period=10s\""},
                                   {"type", "\"bool\""}};
inline const std::vector<Kv> kString{{"id", "\"MODE\""},
                                     {"device", "\"dev1\""},
                                     {"address", "\"text:value=AUTO\""},
                                     {"type", "\"string\""}};

// A [[tags]] table from a valid base: an override replaces the value of a base key (nullptr
// removes the key); other overrides are appended in order.
inline QByteArray tagTable(std::vector<Kv> keys, std::initializer_list<Kv> overrides,
                           bool markTable)
{
    for (const Kv &o : overrides) {
        auto it = std::find_if(keys.begin(), keys.end(),
                               [&](const Kv &k) { return qstrcmp(k.first, o.first) == 0; });
        if (it != keys.end())
            it->second = o.second;
        else
            keys.push_back(o);
    }
    QByteArray out = markTable ? "$[[tags]]\n" : "[[tags]]\n";
    for (const Kv &k : keys) {
        if (k.second)
            out += QByteArray(k.first) + " = " + k.second + "\n";
    }
    return out + "\n";
}

inline QByteArray analogTag(std::initializer_list<Kv> overrides = {}, bool markTable = false)
{
    return tagTable(kAnalog, overrides, markTable);
}
inline QByteArray boolTag(std::initializer_list<Kv> overrides = {}, bool markTable = false)
{
    return tagTable(kBool, overrides, markTable);
}
inline QByteArray stringTag(std::initializer_list<Kv> overrides = {}, bool markTable = false)
{
    return tagTable(kString, overrides, markTable);
}

inline const QByteArray kTagList = "[[tag_lists]]\n"
                                   "file = \"tags.csv\"\n"
                                   "device = \"dev1\"\n";
inline const QByteArray kCsvHeader = "id,address,type,unit,range_lo,range_hi\n";
inline const QByteArray kCsvRow = "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100\n";

inline void addColumns()
{
    QTest::addColumn<QByteArray>("plant");
    QTest::addColumn<QByteArray>("csv"); // written as tags.csv unless empty
    QTest::addColumn<QStringList>("expected");
}

inline void row(const char *name, const QByteArray &plant, const QStringList &expected,
                const QByteArray &csv = QByteArray())
{
    QTest::newRow(name) << plant << csv << expected;
}

inline PlantLoader::Result load(const DriverRegistry &drivers, const QString &path)
{
    // An empty environment: the outcome must not depend on who runs the test.
    return PlantLoader(drivers, QProcessEnvironment()).load(path);
}

// A plant that must load without errors or warnings: the plant, or nullopt (with the
// diagnostics printed) when it does not.
inline std::optional<PlantConfig> loadValid(const DriverRegistry &drivers, const QByteArray &plant)
{
    PlantFixture f;
    if (!f.isValid())
        return std::nullopt;
    PlantLoader::Result result = load(drivers, f.write(QStringLiteral("plant.toml"), plant));
    if (!result.plant || result.diagnostics.errorCount() + result.diagnostics.warningCount() > 0)
        qWarning().noquote() << result.diagnostics.toStringList().join(u'\n');
    if (result.diagnostics.warningCount() > 0)
        return std::nullopt;
    return std::move(result.plant);
}

// Shared body of the data-driven error tests: the diagnostics must be exactly the expected ones,
// in order, and no plant may be returned.
inline void checkErrors(const DriverRegistry &drivers)
{
    QFETCH(QByteArray, plant);
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, expected);

    PlantFixture f;
    QVERIFY(f.isValid());
    const QString plantPath = f.write(QStringLiteral("plant.toml"), plant);
    if (!csv.isEmpty())
        f.write(QStringLiteral("tags.csv"), csv);
    QStringList want;
    // {drivers}: the registered driver types, which grow as drivers are added.
    for (const QString &e : std::as_const(expected))
        want.append(f.expand(e).replace(QStringLiteral("{drivers}"),
                                        drivers.driverTypes().join(QStringLiteral(", "))));

    const PlantLoader::Result result = load(drivers, plantPath);
    QCOMPARE(result.diagnostics.toStringList(), want);
    QVERIFY(result.diagnostics.hasErrors());
    QVERIFY(!result.plant.has_value());
}

} // namespace vigil::testing
