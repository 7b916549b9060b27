// STAND-IN FOR TESTS -- this is NOT the real drogon library.
//
// Mirrors the umbrella header lib/inc/drogon/drogon.h from
// drogonframework/drogon (https://github.com/drogonframework/drogon), which
// pulls in the framework headers. Only the stand-ins the httptidy tests
// need are included; standard library only.
#pragma once

#include <trantor/net/EventLoop.h>
#include <drogon/HttpAppFramework.h>
#include <drogon/HttpTypes.h>
#include <drogon/HttpRequest.h>
#include <drogon/HttpResponse.h>
#include <drogon/Cookie.h>
#include <drogon/HttpClient.h>
#include <drogon/HttpController.h>
#include <drogon/HttpSimpleController.h>
