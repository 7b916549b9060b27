// STAND-IN FOR TESTS -- this is NOT the real drogon library.
//
// Mirrors lib/inc/drogon/DrObject.h from drogonframework/drogon
// (https://github.com/drogonframework/drogon): DrObjectBase and the
// reflection base DrObject<T> of the controllers. The real DrObject<T>
// registers T in DrClassMap through a static allocator; the stand-in only
// names the class. Standard library only.
#pragma once

#include <string>
#include <typeinfo>

namespace drogon
{
/**
 * @brief The base class for all drogon reflection classes.
 */
class DrObjectBase
{
  public:
    virtual const std::string &className() const
    {
        static const std::string name{"DrObjectBase"};
        return name;
    }

    virtual bool isClass(const std::string &class_name) const
    {
        return (className() == class_name);
    }

    virtual ~DrObjectBase()
    {
    }
};

/**
 * a class template to implement the reflection function of creating the
 * class object by class name (stub: only the name)
 */
template <typename T>
class DrObject : public virtual DrObjectBase
{
  public:
    const std::string &className() const override
    {
        return classTypeName();
    }

    static const std::string &classTypeName()
    {
        static const std::string name{typeid(T).name()};
        return name;
    }

    bool isClass(const std::string &class_name) const override
    {
        return (className() == class_name);
    }

  protected:
    // protect constructor to make this class only inheritable
    DrObject() = default;
    ~DrObject() override = default;
};

}  // namespace drogon
