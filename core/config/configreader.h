#pragma once

#include "confignode.h"

#include <QSet>
#include <QString>

#include <optional>
#include <utility>

namespace vigil
{

class Diagnostics;

// Typed, strict access to one table of the configuration on behalf of one object ("tag 'TT101'").
// Each getter marks its key as known and reports a wrong type or value at the value's location;
// finish() reports every key nobody asked for as unknown, with a suggestion when one is close.
class ConfigReader
{
public:
    enum Need {
        Optional,
        Required
    };

    // The longest text value (description, unit, alarm message, address, ...): 4 KB.
    static constexpr qsizetype kMaxTextLength = 4096;

    ConfigReader(const ConfigNode &table, QString object, Diagnostics &diagnostics);

    const ConfigNode &node() const { return m_table; }
    const QString &object() const { return m_object; }
    void setObject(const QString &object) { m_object = object; }
    Diagnostics &diagnostics() const { return m_diagnostics; }

    bool has(QStringView key) const;
    // Marks the key as known and returns its node (nullptr if absent or an empty CSV cell).
    const ConfigNode *take(QStringView key);
    // Marks keys as known without reading them (handled elsewhere).
    void accept(std::initializer_list<QStringView> keys);

    std::optional<QString> string(QStringView key, Need need = Optional);
    std::optional<double> number(QStringView key, Need need = Optional);
    std::optional<qint64> integer(QStringView key, qint64 min, qint64 max, Need need = Optional);
    std::optional<bool> boolean(QStringView key, Need need = Optional);
    // A duration with a unit ("500ms", "5s"); must lie in [minMs, maxMs].
    std::optional<qint64> durationMs(QStringView key, qint64 minMs, qint64 maxMs,
                                     Need need = Optional);
    // Two numbers [a, b] in any order.
    std::optional<std::pair<double, double>> numberPair(QStringView key, Need need = Optional);
    // [low, high] with low < high.
    std::optional<std::pair<double, double>> range(QStringView key, Need need = Optional);
    // One of the given words, case-insensitive; the message lists them.
    std::optional<QString> choice(QStringView key, const QStringList &allowed,
                                  Need need = Optional);

    const ConfigNode *table(QStringView key, Need need = Optional);
    const ConfigNode *array(QStringView key, Need need = Optional);

    void error(const ConfigNode &at, const QString &message) const;
    void error(const SourceLocation &at, const QString &message) const;
    void warning(const ConfigNode &at, const QString &message) const;

    // Reports unknown keys. Call once, after every getter.
    void finish();

    // Converts a scalar node to a number (numbers, or text that parses as one).
    static std::optional<double> toNumber(const ConfigNode &node);
    // The candidate closest to a mistyped word (at most two edits, case-insensitive), for a
    // "did you mean" hint; empty if none is close. Ties go to the first in sorted order.
    static QString closest(const QString &word, QStringList candidates);

private:
    void missing(QStringView key) const;
    void wrongKind(const ConfigNode &node, const QString &expected) const;

    const ConfigNode &m_table;
    QString m_object;
    Diagnostics &m_diagnostics;
    QSet<QString> m_known;
};

} // namespace vigil
