#include "commandsettings.h"

namespace vigil
{

QString interlockOpSymbol(InterlockRule::Op op)
{
    switch (op) {
    case InterlockRule::Op::Less:
        return QStringLiteral("<");
    case InterlockRule::Op::LessEqual:
        return QStringLiteral("<=");
    case InterlockRule::Op::Greater:
        return QStringLiteral(">");
    case InterlockRule::Op::GreaterEqual:
        return QStringLiteral(">=");
    case InterlockRule::Op::Equal:
        return QStringLiteral("==");
    case InterlockRule::Op::NotEqual:
        return QStringLiteral("!=");
    }
    return {};
}

} // namespace vigil
