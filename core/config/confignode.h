#pragma once

#include "sourcelocation.h"

#include <QString>

#include <vector>

namespace vigil
{

// A parsed configuration value with its source location. TOML documents and CSV tag lists are both
// turned into trees of ConfigNode, so one validator reads both and reports file:line:column.
class ConfigNode
{
public:
    enum class Kind {
        Null,
        Table,
        Array,
        String,
        Integer,
        Float,
        Boolean,
        DateTime
    };

    Kind kind = Kind::Null;
    QString key;                // the key holding this node inside its table (empty otherwise;
                                // a CSV cell folded into an array keeps its column name here)
    SourceLocation location;    // where the value starts
    SourceLocation keyLocation; // where the key starts (tables' members only)
    bool fromText = false;      // scalar written as text (CSV cell): converted on read
    QString text;               // String, DateTime, and every fromText scalar
    qint64 integer = 0;
    double number = 0.0;
    bool boolean = false;
    std::vector<ConfigNode> children; // members of a Table (with key) or items of an Array

    bool isNull() const { return kind == Kind::Null; }
    bool isTable() const { return kind == Kind::Table; }
    bool isArray() const { return kind == Kind::Array; }
    bool isNumber() const { return kind == Kind::Integer || kind == Kind::Float; }

    // Member of a table by key, or nullptr.
    const ConfigNode *member(QStringView name) const;
    // Adds or replaces a member of a table.
    ConfigNode &setMember(const QString &name, ConfigNode value);

    // "string", "integer", "table", ... for messages such as "expected a number, got a table".
    QString kindName() const;
    static QString kindName(Kind kind);

    static ConfigNode makeTable(const SourceLocation &where);
    static ConfigNode makeText(const QString &value, const SourceLocation &where);
};

} // namespace vigil
